/** Everything that needs a user token, as one chunk an overlay loads only when it has one. */
export { validateToken, missingScopes, helixHeaders, type TokenValidation } from './validate-token.js';
export { HelixClient, type HelixClientOptions, type HelixParams } from './helix-client.js';
export { HelixBadges } from '../badges/helix-badges.js';
export { getUsers, getStreams, getCustomRewards, getChannelEmotes, HELIX_BATCH, type TwitchUser, type HelixStreamWire, type CustomReward, type ChannelEmote } from './helix-api.js';
export { UserDirectory, type UserDirectoryOptions } from './user-directory.js';
export { TokenWatch, type TokenWatchEventMap, type TokenWatchOptions } from './token-watch.js';
