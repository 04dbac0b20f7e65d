using System;

namespace CanIds.Firmware.Config
{
    /// <summary>
    /// bxCAN bit timing for a bit rate: the values nanoFramework's CanSettings takes, which are the STM32 BTR register
    /// fields (prescaler − 1, segment lengths − 1). The official sample's CanSettings(6, 8, 1, 0) is 500 kbit/s on a
    /// 42 MHz APB1: 42 MHz / 7 / (1 + 9 + 2) tq.
    /// </summary>
    public sealed class CanBitTiming
    {
        private CanBitTiming(int prescaler, int segment1, int segment2, int jump)
        {
            Prescaler = prescaler;
            Segment1 = segment1;
            Segment2 = segment2;
            Jump = jump;
        }

        /// <summary>Time quanta per bit: 1 + TS1 + TS2.</summary>
        public int QuantaPerBit
        {
            get { return 1 + Segment1 + Segment2; }
        }

        /// <summary>Prescaler (the divider, not the register value).</summary>
        public int Prescaler { get; private set; }

        /// <summary>Time segment 1 in quanta (propagation and phase 1).</summary>
        public int Segment1 { get; private set; }

        /// <summary>Time segment 2 in quanta (phase 2).</summary>
        public int Segment2 { get; private set; }

        /// <summary>Resynchronisation jump width in quanta.</summary>
        public int Jump { get; private set; }

        /// <summary>Sample point as a share of the bit, in per mille.</summary>
        public int SamplePointPerMille
        {
            get { return 1000 * (1 + Segment1) / QuantaPerBit; }
        }

        /// <summary>The register value of the prescaler (BRP).</summary>
        public byte PrescalerField
        {
            get { return (byte)(Prescaler - 1); }
        }

        /// <summary>The register value of TS1.</summary>
        public byte Segment1Field
        {
            get { return (byte)(Segment1 - 1); }
        }

        /// <summary>The register value of TS2.</summary>
        public byte Segment2Field
        {
            get { return (byte)(Segment2 - 1); }
        }

        /// <summary>The register value of SJW.</summary>
        public byte JumpField
        {
            get { return (byte)(Jump - 1); }
        }

        /// <summary>
        /// The bit timing for <paramref name="bitRate"/> from a <paramref name="clockHz"/> peripheral clock: an exact
        /// prescaler, 8..25 time quanta, TS1 ≤ 16 and TS2 ≤ 8 (bxCAN's fields), the sample point nearest 87.5 % (CiA 601-3)
        /// and, on a tie, the most quanta per bit; SJW 1.
        /// </summary>
        /// <exception cref="ArgumentException">The clock cannot make the rate exactly.</exception>
        public static CanBitTiming For(int clockHz, int bitRate)
        {
            CanBitTiming best = null;
            int bestError = int.MaxValue;
            for (int quanta = 25; quanta >= 8; quanta--)
            {
                long perBit = (long)bitRate * quanta;
                if (clockHz % perBit != 0) continue;
                int prescaler = (int)(clockHz / perBit);
                if (prescaler < 1 || prescaler > 1024) continue;
                for (int segment2 = 1; segment2 <= 8; segment2++)
                {
                    int segment1 = quanta - 1 - segment2;
                    if (segment1 < 1 || segment1 > 16) continue;
                    int error = 1000 * (1 + segment1) / quanta - 875;
                    if (error < 0) error = -error;
                    if (error < bestError)
                    {
                        bestError = error;
                        best = new CanBitTiming(prescaler, segment1, segment2, 1);
                    }
                }
            }

            if (best == null) throw new ArgumentException("no exact bxCAN timing for " + bitRate + " bit/s from a " + clockHz + " Hz clock");
            return best;
        }
    }
}
