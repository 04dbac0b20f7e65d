using System;
using System.Collections.Generic;

namespace CanIds.Traffic.Generation
{
    /// <summary>An attacker active in [start, end), sending one frame every <c>interval</c>.</summary>
    internal abstract class BurstSource : FrameSource
    {
        private readonly long _endUs;
        private readonly long _intervalUs;

        protected BurstSource(long startUs, long endUs, long intervalUs)
        {
            _endUs = endUs;
            _intervalUs = intervalUs;
            NextUs = startUs;
        }

        public override void Produce(ref CanRecord record)
        {
            Fill(ref record);
            NextUs += _intervalUs;
            if (NextUs >= _endUs) NextUs = long.MaxValue;
        }

        protected abstract void Fill(ref CanRecord record);
    }

    /// <summary>Car-Hacking DoS: the dominant ID 0x000, 8 zero bytes, every 0.3 ms.</summary>
    internal sealed class DosSource(long startUs, long endUs) : BurstSource(startUs, endUs, 300)
    {
        public override string Label => TrafficClasses.DoS;

        protected override void Fill(ref CanRecord record)
        {
            record.Id = 0;
            record.Length = 8;
        }
    }

    /// <summary>Car-Hacking fuzzing: a random ID and 8 random bytes every 0.5 ms.</summary>
    internal sealed class FuzzSource(long startUs, long endUs, Random random) : BurstSource(startUs, endUs, 500)
    {
        public override string Label => TrafficClasses.Fuzzing;

        protected override void Fill(ref CanRecord record)
        {
            record.Id = (uint)random.Next(0, 0x800);
            record.Length = 8;
            random.NextBytes(record.Data[..8]);
        }
    }

    /// <summary>Car-Hacking spoofing: one ECU's ID with one fixed forged payload every 1 ms.</summary>
    internal sealed class SpoofSource(long startUs, long endUs, uint id, byte[] payload, string label) : BurstSource(startUs, endUs, 1000)
    {
        public override string Label => label;

        protected override void Fill(ref CanRecord record)
        {
            record.Id = id;
            record.Length = (byte)payload.Length;
            payload.CopyTo(record.Data);
        }
    }

    /// <summary>Never-trained attack: frames captured earlier on the bus sent again with their original spacing.</summary>
    internal sealed class ReplaySource : FrameSource
    {
        private readonly List<CanRecord> _frames;
        private readonly long _shiftUs;
        private int _next;

        public ReplaySource(List<CanRecord> captured, long startUs)
        {
            _frames = captured;
            _shiftUs = captured.Count == 0 ? 0 : startUs - captured[0].TimestampUs;
            NextUs = captured.Count == 0 ? long.MaxValue : startUs;
        }

        public override string Label => TrafficClasses.Replay;

        public override void Produce(ref CanRecord record)
        {
            var original = _frames[_next++];
            record.Id = original.Id;
            record.Flags = original.Flags;
            record.Length = original.Length;
            record.Data = original.Data;
            NextUs = _next < _frames.Count ? _frames[_next].TimestampUs + _shiftUs : long.MaxValue;
        }
    }

    /// <summary>
    /// Never-trained attack (ROAD-style masquerade): the target ECU goes silent and the attacker sends its message at
    /// the same period, with counters and checksums right, and one signal changed.
    /// </summary>
    internal sealed class MasqueradeSource : FrameSource
    {
        private readonly EcuMessage _target;
        private readonly long _endUs;
        private readonly Action<Span<byte>> _tamper;
        private int _counter;

        public MasqueradeSource(EcuMessage target, long startUs, long endUs, Action<Span<byte>> tamper)
        {
            _target = target;
            _endUs = endUs;
            _tamper = tamper;
            target.SilencedUntilUs = endUs;
            NextUs = startUs;
        }

        public override string Label => TrafficClasses.Masquerade;

        public override void Produce(ref CanRecord record)
        {
            record.Id = _target.Id;
            record.Length = (byte)_target.Dlc;
            _target.EncodeAt(record.Data, NextUs, _counter++);
            _tamper(record.Data);
            NextUs += _target.PeriodUs;
            if (NextUs >= _endUs) NextUs = long.MaxValue;
        }
    }
}
