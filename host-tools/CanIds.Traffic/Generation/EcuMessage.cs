using System;

namespace CanIds.Traffic.Generation
{
    /// <summary>Fills an ECU message's payload from the vehicle's state and the message's rolling counter.</summary>
    internal delegate void PayloadEncoder(Span<byte> data, VehicleModel vehicle, int counter);

    /// <summary>
    /// A periodic message of one ECU: fixed ID and DLC, a period with ~1% jitter, a payload encoded from the vehicle
    /// state with a rolling counter. It can be silenced (a masquerading attacker has taken its place) and its encoder
    /// reused by that attacker.
    /// </summary>
    internal sealed class EcuMessage : FrameSource
    {
        private readonly VehicleModel _vehicle;
        private readonly Random _random;
        private int _counter;

        public EcuMessage(uint id, int dlc, double periodMs, PayloadEncoder encoder, VehicleModel vehicle, Random random, long startUs)
        {
            Id = id;
            Dlc = dlc;
            PeriodUs = (long)(periodMs * 1000);
            Encoder = encoder;
            _vehicle = vehicle;
            _random = random;
            NextUs = startUs + (long)(_random.NextDouble() * PeriodUs); // ECUs start out of phase
        }

        public uint Id { get; }
        public int Dlc { get; }
        public long PeriodUs { get; }
        public PayloadEncoder Encoder { get; }

        /// <summary>Until this time the ECU's frames are suppressed (its instances still elapse).</summary>
        public long SilencedUntilUs { get; set; } = long.MinValue;

        public override string Label => TrafficClasses.Benign;

        /// <summary>True when the instance due now is suppressed; the scheduler skips it.</summary>
        public bool IsSilenced => NextUs < SilencedUntilUs;

        public override void Produce(ref CanRecord record)
        {
            _vehicle.AdvanceTo(NextUs);
            record.Id = Id;
            record.Length = (byte)Dlc;
            Encoder(record.Data, _vehicle, _counter++);
            Skip();
        }

        /// <summary>Lets the instance due now pass without a frame.</summary>
        public void Skip()
        {
            double jitter = (_random.NextDouble() + _random.NextDouble() - 1) * 0.01 * PeriodUs;
            NextUs += PeriodUs + (long)jitter;
        }

        /// <summary>Encodes what this ECU would send at <paramref name="timeUs"/> (for a masquerading attacker).</summary>
        public void EncodeAt(Span<byte> data, long timeUs, int counter)
        {
            _vehicle.AdvanceTo(timeUs);
            Encoder(data, _vehicle, counter);
        }
    }
}
