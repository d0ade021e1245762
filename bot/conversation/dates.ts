/** Today's date in Denmark (YYYY-MM-DD): the reference date decisions and due dates count from. */
export { danishToday as danishDate } from '../summary/today.js';
