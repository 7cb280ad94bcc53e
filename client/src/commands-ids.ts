// Command ids contributed in package.json (a test checks they agree).
export const COMMANDS = {
  restartServer: 'postmortem.restartServer',
  selectProfile: 'postmortem.selectProfile',
  openTimelinePreview: 'postmortem.openTimelinePreview',
  newPostmortem: 'postmortem.newPostmortem',
  insertTimelineEntry: 'postmortem.insertTimelineEntry',
} as const;
