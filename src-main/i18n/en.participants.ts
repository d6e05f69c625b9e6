import type { Shape } from './shape';
import type fr from './fr.participants';

const participants: Shape<typeof fr> = {
  yes: 'Yes',
  sex: { F: 'Woman', M: 'Man' },
  ageBand: {
    under_25: 'Under 25',
    '25_34': '25–34',
    '35_49': '35–49',
    '50_plus': '50 and over',
  },
  title: 'Participants',
  subtitle: 'People from the organisations trained by the programme, each registered once',
  new: 'New participant',
  editTitle: 'Edit participant',
  editOne: 'Edit {{name}}',
  searchPlaceholder: 'Name, phone, acronym…',
  emptyTitle: 'No participants yet',
  emptyText: 'Register the people from the organisations who follow pathways and sessions.',
  noMatch: 'No participant matches these criteria.',
  created: 'Participant saved',
  updated: 'Participant updated',
  decisionMakerBadge: 'Decision-maker',
  fields: {
    organisation: 'Organisation',
    name: 'Name',
    firstName: 'First name',
    lastName: 'Last name',
    sex: 'Sex',
    ageBand: 'Age band',
    position: 'Position',
    decisionMaker: 'Holds a decision-making role',
    decisionMakerHint: 'Member of the management or of a decision-making body of the organisation.',
    decisionMakerShort: 'Decision-maker',
    phone: 'Phone',
  },
  duplicates: {
    title_one: 'This person may already be registered',
    title_other: 'This person may already be registered ({{count}} similar people)',
    text: 'Someone with a similar name in the same organisation, or with the same phone number, already exists. Check before saving: each person must be counted only once among the people trained.',
    same: 'It is this person',
    sameOne: 'It is this person: {{name}}',
    other: 'It is someone else: save',
    chosen: 'Existing person kept',
  },
};

export default participants;
