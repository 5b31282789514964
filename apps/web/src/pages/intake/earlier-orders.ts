import { useEffect, useState } from 'react';
import { api } from '../../api';

/** A caller's earlier order as `POST /api/hotline/earlier-orders` lists it (no personal data). */
export interface EarlierOrder {
  id: string;
  caseNumber: string | null;
  title: string;
  status: string;
  unitId: string;
  receivedAt: string;
  matchedOn: ('same_phone' | 'same_id_number')[];
}

const DEBOUNCE_MS = 300;

/**
 * Whether an earlier order can still take a repeat call merged into it: not closed, not merged itself
 * (the merge rules refuse those; other refusals come from the rules when the merge is sent).
 */
export function takesRepeatCalls(status: string): boolean {
  return status !== 'closed' && status !== 'merged';
}

/** A number complete enough to look up: a mainland mobile or a landline with its area code. */
export function lookupPhone(raw: string): string | null {
  const digits = raw.replace(/[\s\-()（）]/g, '').replace(/^\+?(0086|86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) || /^0\d{9,11}$/.test(digits) ? digits : null;
}

/** An ID number of the full 18 characters (the server checks the check digit). */
export function lookupIdNumber(raw: string): string | null {
  const id = raw.trim().toUpperCase();
  return /^\d{17}[\dX]$/.test(id) ? id : null;
}

/**
 * 来电弹屏: once the phone or ID number being typed is complete, the caller's earlier orders, asked for
 * a moment after the typing stops. `null` while nothing complete was typed.
 */
export function useEarlierOrders(phoneInput: string, idInput: string): { orders: EarlierOrder[] | null; loading: boolean } {
  const phone = lookupPhone(phoneInput);
  const idNumber = lookupIdNumber(idInput);
  const [orders, setOrders] = useState<EarlierOrder[] | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!phone && !idNumber) {
      setOrders(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      api.post<{ items: EarlierOrder[] }>('/api/hotline/earlier-orders', { ...(phone ? { phone } : {}), ...(idNumber ? { idNumber } : {}) })
        .then((answer) => live && setOrders(answer.items))
        // A lookup that fails (a wrong check digit) shows nothing: the form itself reports bad numbers on saving.
        .catch(() => live && setOrders(null))
        .finally(() => live && setLoading(false));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [phone, idNumber]);
  return { orders, loading };
}
