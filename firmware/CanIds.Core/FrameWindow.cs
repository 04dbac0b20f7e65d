using System;

namespace CanIds.Core
{
    /// <summary>
    /// The last N frames, kept encoded, sliding by one frame: after each <see cref="Push"/> the window is the model
    /// input for the newest frame, judged with the N−1 frames before it. Until N frames have been seen, the rows
    /// before the first frame are zero, so every frame gets a verdict from the very first one.
    /// Allocates nothing after construction.
    /// </summary>
    public sealed class FrameWindow
    {
        private readonly byte[] _rows;
        private readonly int _frames;
        private int _next;
        private long _pushed;

        /// <summary>A window of <paramref name="frames"/> frames (1..64).</summary>
        public FrameWindow(int frames)
        {
            if (frames < 1 || frames > InputFormat.MaxWindowFrames)
            {
                throw new ArgumentOutOfRangeException("frames", "a window holds 1..64 frames");
            }

            _frames = frames;
            _rows = new byte[frames * InputFormat.BytesPerFrame];
        }

        /// <summary>Frames per window (N).</summary>
        public int Frames
        {
            get { return _frames; }
        }

        /// <summary>Model inputs per window: N × 10 bytes.</summary>
        public int InputLength
        {
            get { return _rows.Length; }
        }

        /// <summary>Frames pushed since construction or the last <see cref="Clear"/>.</summary>
        public long Pushed
        {
            get { return _pushed; }
        }

        /// <summary>Adds the newest frame, dropping the oldest.</summary>
        public void Push(CanFrame frame)
        {
            InputFormat.EncodeFrame(frame, _rows, _next * InputFormat.BytesPerFrame);
            _next = _next + 1 == _frames ? 0 : _next + 1;
            _pushed++;
        }

        /// <summary>Writes the window, oldest frame first and newest last, as <see cref="InputLength"/> bytes.</summary>
        public void CopyTo(byte[] destination, int offset)
        {
            // _next is the oldest row: copy from it to the end, then the rows before it.
            int split = _next * InputFormat.BytesPerFrame;
            int tail = _rows.Length - split;
            Array.Copy(_rows, split, destination, offset, tail);
            Array.Copy(_rows, 0, destination, offset + tail, split);
        }

        /// <summary>Forgets every frame (e.g. after a bus-off), as if just constructed.</summary>
        public void Clear()
        {
            Array.Clear(_rows, 0, _rows.Length);
            _next = 0;
            _pushed = 0;
        }
    }
}
