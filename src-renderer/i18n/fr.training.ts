// French texts of the training pages.
const training = {
  title: 'Parcours et participants',
};

export default training;
