// French texts of the dashboard, follow-up, results-framework and gender pages.
const results = {
  title: 'Résultats',
};

export default results;
