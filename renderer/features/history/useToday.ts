import { useEffect, useState } from 'react';
import { startOfDay } from './groupConversations';

/** Local midnight of today, moving on at the next midnight so "Today" and "Yesterday" stay true overnight. */
export function useToday(): number {
  const [today, setToday] = useState(() => startOfDay(Date.now()));
  useEffect(() => {
    const timer = setTimeout(() => setToday(startOfDay(Date.now())), startOfDay(today, -1) - Date.now());
    return () => clearTimeout(timer);
  }, [today]);
  return today;
}
