export default {
  title: 'Loss functions',
  url: 'https://your.site',
  baseUrl: '/',
  // static/lossplay/ holds a copy of dist/
  scripts: [{ src: '/lossplay/lossplay-embed.js', defer: true }],
};
