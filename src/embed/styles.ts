/** The loader's and the panel's stylesheets go into the shadow root as the UI's lazy views add theirs. */
export { adoptStyles } from '../ui/adopt-styles';
