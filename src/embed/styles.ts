/** The embed's stylesheets (loader, panel) go in the way the UI's lazy views add theirs. */
export { adoptStyles } from '../ui/adopt-styles';
