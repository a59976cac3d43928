/** Feedback tones made with Web Audio (no audio files): a short high beep for success, two low tones for errors, a falling two-tone for a label waiting for the printer. */
type Tone = { freq: number; start: number; duration: number };

let context: AudioContext | undefined;

function play(tones: Tone[], type: OscillatorType): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    const now = context.currentTime;
    for (const tone of tones) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = type;
      osc.frequency.value = tone.freq;
      // Short ramps avoid clicks at the start and end of each tone.
      gain.gain.setValueAtTime(0.0001, now + tone.start);
      gain.gain.exponentialRampToValueAtTime(0.35, now + tone.start + 0.01);
      gain.gain.setValueAtTime(0.35, now + tone.start + tone.duration - 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + tone.start + tone.duration);
      osc.connect(gain).connect(context.destination);
      osc.start(now + tone.start);
      osc.stop(now + tone.start + tone.duration + 0.02);
    }
  } catch {
    // No audio device: the screen still shows the result.
  }
}

export const sounds = {
  success: () => play([{ freq: 1320, start: 0, duration: 0.12 }], 'sine'),
  attention: () =>
    play(
      [
        { freq: 660, start: 0, duration: 0.14 },
        { freq: 660, start: 0.2, duration: 0.14 },
      ],
      'triangle',
    ),
  /** A label bought but waiting for the printer: a falling two-tone, unlike the error's low buzz. */
  waiting: () =>
    play(
      [
        { freq: 784, start: 0, duration: 0.16 },
        { freq: 523, start: 0.22, duration: 0.26 },
      ],
      'triangle',
    ),
  /** A scan taken into the queue (made after the one being bought): a short quiet tick. */
  queued: () => play([{ freq: 990, start: 0, duration: 0.05 }], 'sine'),
  /** The printer went offline or into a fault: a rising three-tone, different from a scan's error. */
  printerDown: () =>
    play(
      [
        { freq: 440, start: 0, duration: 0.12 },
        { freq: 554, start: 0.16, duration: 0.12 },
        { freq: 659, start: 0.32, duration: 0.2 },
      ],
      'square',
    ),
  error: () =>
    play(
      [
        { freq: 220, start: 0, duration: 0.22 },
        { freq: 180, start: 0.3, duration: 0.32 },
      ],
      'square',
    ),
};
