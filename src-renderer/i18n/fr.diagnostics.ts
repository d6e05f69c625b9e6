// French texts of the diagnostics pages.
const diagnostics = {
  title: 'Diagnostics',
};

export default diagnostics;
