using System.Collections.Generic;
using CanIds.Core;
using CanIds.Firmware.Ports;
using CanIds.Traffic;

namespace CanIds.Hil
{
    /// <summary>
    /// The CAN controller and its driver as the firmware sees them: frames arrive at their times into the driver's
    /// receive buffer (nanoFramework's STM32 driver keeps a small ring; a frame arriving while it is full is dropped and
    /// counted), and the firmware polls them out. In a timed replay each poll charges the MCU's measured cost to the
    /// virtual clock, and an idle wait moves the clock to the next arrival.
    /// </summary>
    public sealed class VirtualCanBus : ICanBus
    {
        /// <summary>
        /// The driver's receive ring: CAN1_RX_BUFFER_SIZE of nanoFramework's ChibiOS targets (16 in the published
        /// target configurations); a stated assumption, set per board.
        /// </summary>
        public const int DefaultCapacity = 16;

        private readonly VirtualClock _clock;
        private readonly int _capacity;
        private readonly Queue<(CanRecord Record, long Time, int Index)> _scheduled = new();
        private readonly Queue<(CanRecord Record, int Index)> _held = new();
        private readonly byte[] _data = new byte[CanFrame.MaxDataLength];

        /// <summary>A bus on <paramref name="clock"/> whose driver buffer holds <paramref name="capacity"/> frames.</summary>
        public VirtualCanBus(VirtualClock clock, int capacity = DefaultCapacity)
        {
            _clock = clock;
            _capacity = capacity;
        }

        /// <summary>MCU time one poll that takes a frame costs, µs (0 outside timed replays).</summary>
        public double ReadCostUs { get; set; }

        /// <summary>MCU time one poll that finds no frame costs, µs.</summary>
        public double EmptyReadCostUs { get; set; }

        /// <summary>Frames the driver dropped because its buffer was full.</summary>
        public long Overruns { get; private set; }

        /// <summary>Frames arrived so far (they are in the driver's buffer or were taken or dropped).</summary>
        public int Events { get; private set; }

        /// <summary>Frames in the driver's buffer now.</summary>
        public int Waiting
        {
            get
            {
                Admit();
                return _held.Count;
            }
        }

        /// <summary>Frames scheduled to arrive later.</summary>
        public int Scheduled => _scheduled.Count;

        /// <summary>
        /// The indices given to <see cref="ArriveAt"/> of the frames the firmware took, in the order it took them (its tag
        /// order). Frames that arrived without an index (−1) are not listed, so a long run keeps no per-frame record.
        /// </summary>
        public List<int> Taken { get; } = new();

        /// <summary>A frame arrives now.</summary>
        public void Arrive(in CanRecord record) => ArriveAt(record, _clock.Microseconds);

        /// <summary>
        /// A frame will arrive (its end of frame on the wire) at <paramref name="timeUs"/>; times must not go back.
        /// <paramref name="index"/> identifies it in <see cref="Taken"/>.
        /// </summary>
        public void ArriveAt(in CanRecord record, long timeUs, int index = -1) => _scheduled.Enqueue((record, timeUs, index));

        /// <inheritdoc />
        public int TryRead(byte[] records, int offset)
        {
            Admit();
            if (_held.Count == 0)
            {
                _clock.Advance(EmptyReadCostUs);
                return FrameId.None;
            }

            var (r, index) = _held.Dequeue();
            if (index >= 0) Taken.Add(index);
            bool extended = (r.Flags & CanRecordFlags.Extended) != 0;
            bool remote = (r.Flags & CanRecordFlags.Remote) != 0;
            ((System.ReadOnlySpan<byte>)r.Data)[..CanFrame.MaxDataLength].CopyTo(_data);
            InputFormat.WriteRecord(r.Id, extended, remote, _data, records, offset);
            _clock.Advance(ReadCostUs);
            return FrameId.Of(r.Id, extended, remote);
        }

        /// <inheritdoc />
        public void WaitForFrames(int timeoutMs)
        {
            Admit();
            if (_held.Count > 0) return;
            long until = _clock.Microseconds + timeoutMs * 1000L;
            if (_scheduled.Count > 0 && _scheduled.Peek().Time < until) until = System.Math.Max(_clock.Microseconds, _scheduled.Peek().Time);
            _clock.Microseconds = until;
        }

        /// <summary>The time the next scheduled frame arrives, or null.</summary>
        public long? NextArrival => _scheduled.Count > 0 ? _scheduled.Peek().Time : null;

        // Frames whose time has come enter the driver's buffer, in order; a full buffer drops them.
        private void Admit()
        {
            long now = _clock.Microseconds;
            while (_scheduled.Count > 0 && _scheduled.Peek().Time <= now)
            {
                var (record, _, index) = _scheduled.Dequeue();
                Events++;
                if (_held.Count >= _capacity) Overruns++;
                else _held.Enqueue((record, index));
            }
        }
    }
}
