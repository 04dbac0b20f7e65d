using System;

namespace CanIds.Firmware.Detection
{
    /// <summary>
    /// Frames from the moment the CAN driver hands them over until their verdicts return, indexed by frame tag (the
    /// frame's number since the FPGA's last reset, mod 65,536; the ring uses its low bits). Each slot holds the frame's
    /// 10-byte input record, which the PUSH commands are built from (and resent from after a link error), its
    /// identifier for alerts, and a running sum of arrival times, from which any run of frames' total latency follows in
    /// two reads: benign verdicts come back as counts, so nothing is done per benign frame. Allocates nothing after
    /// construction.
    /// </summary>
    public sealed class FrameRing
    {

        /// <summary>Room for 2^<paramref name="bits"/> frames.</summary>
        public FrameRing(int bits)
        {
            int size = 1 << bits;
            Mask = size - 1;
            Records = new byte[size * Core.InputFormat.BytesPerFrame];
            Ids = new int[size];
            ArrivalSums = new long[size];
            Foreign = new byte[size];
        }

        // Fields, not properties: the detection loop reaches them once per frame, and every call costs in an interpreter.

        /// <summary>The frames' input records: tag t's at <see cref="Offset"/>(t).</summary>
        public readonly byte[] Records;

        /// <summary>Each slot's frame identifier (with <see cref="Ports.FrameId"/> flags).</summary>
        public readonly int[] Ids;

        /// <summary>Each slot's running sum of arrival times, µs (wraps after days; differences of wrapped sums stay exact).</summary>
        public readonly long[] ArrivalSums;

        /// <summary>
        /// 1 for a slot whose frame awaits its verdict and carries an identifier word the model's identifier rule does
        /// not know (<see cref="Core.Image.KnownIdentifiers"/>): set when the frame is taken, cleared when it is judged or lost.
        /// </summary>
        public readonly byte[] Foreign;

        /// <summary>Slots marked in <see cref="Foreign"/>: while 0, a run of benign verdicts needs no look at its frames.</summary>
        public int ForeignPending;

        /// <summary>Slots − 1: a tag's slot is tag &amp; Mask.</summary>
        public readonly int Mask;

        /// <summary>The running sum of all arrival times so far.</summary>
        public long Sum;

        /// <summary>Slots: at most this many frames minus one can wait at once.</summary>
        public int Capacity
        {
            get { return Mask + 1; }
        }

        /// <summary>Tag the next frame gets.</summary>
        public int Next;

        /// <summary>Where tag <paramref name="tag"/>'s record starts in <see cref="Records"/>.</summary>
        public int Offset(int tag)
        {
            return (tag & Mask) * Core.InputFormat.BytesPerFrame;
        }

        /// <summary>Completes the frame whose record was just written at <see cref="Offset"/>(<see cref="Next"/>): its identifier and arrival time.</summary>
        public void Commit(int id, long arrivalUs)
        {
            int slot = Next & Mask;
            Ids[slot] = id;
            Sum += arrivalUs;
            ArrivalSums[slot] = Sum;
            Next = (Next + 1) & 0xFFFF;
        }

        /// <summary>Identifier of tag <paramref name="tag"/>'s frame (with <see cref="Ports.FrameId"/> flags).</summary>
        public int Id(int tag)
        {
            return Ids[tag & Mask];
        }

        /// <summary>Arrival time of tag <paramref name="tag"/>'s frame, µs.</summary>
        public long Arrival(int tag)
        {
            return ArrivalSums[tag & Mask] - ArrivalSums[(tag - 1) & Mask];
        }

        /// <summary>Sum of the arrival times of the <paramref name="count"/> frames from <paramref name="firstTag"/> on, µs.</summary>
        public long ArrivalSum(int firstTag, int count)
        {
            return ArrivalSums[(firstTag + count - 1) & Mask] - ArrivalSums[(firstTag - 1) & Mask];
        }

        /// <summary>Starts again from tag 0 (the FPGA was reset).</summary>
        public void Restart()
        {
            Next = 0;
            ArrivalSums[Mask] = Sum; // the "previous" slot of tag 0
            Array.Clear(Foreign, 0, Foreign.Length);
            ForeignPending = 0;
        }
    }
}
