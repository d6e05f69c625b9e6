// French texts of the sessions pages.
const sessions = {
  title: 'Sessions de formation-action',
};

export default sessions;
