using CanIds.Core;
using CanIds.Core.Image;

namespace CanIds.Firmware.Bench
{
    /// <summary>
    /// The benchmark's traffic, made deterministically on the device itself (nanoCLR has no files): a car's periodic
    /// frames — 24 identifiers, payloads with counters and slowly moving signals — and a DoS burst (identifier 0x000,
    /// zero payload) of 8 frames every 1,024, so over 99 % of frames are benign.
    /// </summary>
    public sealed class BenchTraffic
    {
        /// <summary>Frames in one cycle of the traffic.</summary>
        public const int Cycle = 1024;

        /// <summary>Attack frames per cycle.</summary>
        public const int AttacksPerCycle = 8;

        /// <summary>The traffic.</summary>
        public BenchTraffic()
        {
            Ids = new uint[Cycle];
            Data = new byte[Cycle * CanFrame.MaxDataLength];
            uint seed = 0x2545F491;
            for (int i = 0; i < Cycle; i++)
            {
                int at = i * CanFrame.MaxDataLength;
                if (i >= 500 && i < 500 + AttacksPerCycle)
                {
                    Ids[i] = 0x000;
                    continue;
                }

                int ecu = i % 24;
                Ids[i] = (uint)(0x0A0 + ecu * 0x2B);
                seed = seed * 1664525 + 1013904223;
                Data[at] = (byte)(i >> 2);            // rolling counter
                Data[at + 1] = (byte)(ecu * 11);
                Data[at + 2] = (byte)(seed >> 24);    // a noisy signal
                Data[at + 3] = (byte)(0x40 + (i & 7));
                Data[at + 7] = (byte)(Data[at] ^ Data[at + 1] ^ Data[at + 2]); // a checksum byte
            }
        }

        /// <summary>The identifier rule a model trained on this traffic has: its 24 benign identifiers known (the DoS burst's 0x000 is not).</summary>
        public static KnownIdentifiers KnownIdentifiers()
        {
            KnownIdentifiers known = new KnownIdentifiers(2);
            for (int ecu = 0; ecu < 24; ecu++) known.Add(0x0A0 + ecu * 0x2B);
            return known;
        }

        /// <summary>Frames.</summary>
        public int Count
        {
            get { return Cycle; }
        }

        /// <summary>Standard identifiers.</summary>
        public readonly uint[] Ids;

        /// <summary>8 data bytes per frame.</summary>
        public readonly byte[] Data;
    }
}
