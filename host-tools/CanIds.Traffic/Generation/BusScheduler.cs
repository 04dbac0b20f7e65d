using System.Collections.Generic;

namespace CanIds.Traffic.Generation
{
    /// <summary>
    /// One CAN bus: frames become ready at their sources' times, wait in one-deep transmit mailboxes (a newer instance
    /// overwrites an unsent one, as periodic messages do in CAN controllers), and whenever the bus is free the lowest
    /// identifier among the waiting frames wins arbitration. A frame occupies the bus for its bit count (stuff bits
    /// included) at the bit rate; its timestamp is its end, when receivers see it. So a flood of 0x000 delays and
    /// thins benign traffic exactly as on a real bus.
    /// </summary>
    internal sealed class BusScheduler(int bitRate, long startUs)
    {
        /// <summary>A source's mailbox: the frame it has waiting, if any.</summary>
        internal sealed class Pending(FrameSource source)
        {
            public FrameSource Source { get; } = source;
            public CanRecord Record;
            public bool Waiting;
        }

        private readonly PriorityQueue<FrameSource, long> _future = new();
        private readonly PriorityQueue<Pending, (ulong Arbitration, long Sequence)> _ready = new();
        private readonly double _microsPerBit = 1e6 / bitRate;
        private double _busFreeUs = startUs;
        private long _sequence;

        /// <summary>When the bus is next free (Unix µs).</summary>
        public long BusFreeUs => (long)_busFreeUs;

        /// <summary>Frames lost because a newer instance overwrote them before they won the bus.</summary>
        public long Overwritten { get; private set; }

        public void Add(FrameSource source)
        {
            source.Mailbox ??= new Pending(source);
            if (source.NextUs != long.MaxValue) _future.Enqueue(source, source.NextUs);
        }

        /// <summary>The next frame to complete on the bus; false when no source has anything left.</summary>
        public bool Next(out CanRecord record)
        {
            while (true)
            {
                while (_future.TryPeek(out var source, out long due) && due <= _busFreeUs)
                {
                    _future.Dequeue();
                    Release(source);
                }

                if (_ready.TryDequeue(out var winner, out _))
                {
                    winner.Waiting = false;
                    record = winner.Record;
                    _busFreeUs += CanWire.Bits(record) * _microsPerBit;
                    record.TimestampUs = (long)_busFreeUs;
                    return true;
                }

                if (!_future.TryPeek(out _, out long next))
                {
                    record = default;
                    return false;
                }

                _busFreeUs = next;
            }
        }

        private void Release(FrameSource source)
        {
            if (source is EcuMessage { IsSilenced: true } silenced)
            {
                silenced.Skip();
            }
            else
            {
                var mailbox = source.Mailbox!;
                mailbox.Record = default;
                source.Produce(ref mailbox.Record);
                mailbox.Record.Label = source.Label;
                if (mailbox.Waiting)
                {
                    Overwritten++;
                }
                else
                {
                    mailbox.Waiting = true;
                    _ready.Enqueue(mailbox, (Arbitration(mailbox.Record), _sequence++));
                }
            }

            if (source.NextUs != long.MaxValue) _future.Enqueue(source, source.NextUs);
        }

        // Lower wins: the 11 base ID bits first, then (for extended frames) IDE and the 18 extension bits.
        private static ulong Arbitration(in CanRecord record) =>
            record.IsExtended ? ((ulong)(record.Id >> 18) << 20) | (1UL << 19) | (record.Id & 0x3FFFF) : (ulong)record.Id << 20;
    }
}
