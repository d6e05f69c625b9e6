// French texts of the selection pages.
const selection = {
  title: 'Sélection',
};

export default selection;
