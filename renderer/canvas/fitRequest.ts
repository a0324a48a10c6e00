/**
 * Asks the canvas to fit its view to the whole network once the nodes are on screen (a reopened
 * project may have been saved scrolled far away). A counter, so each request fits once.
 */
import { create } from 'zustand';

export const useFitRequest = create<{ seq: number }>()(() => ({ seq: 0 }));

export const requestFit = () => useFitRequest.setState((s) => ({ seq: s.seq + 1 }));
