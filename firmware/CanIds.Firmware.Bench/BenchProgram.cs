using System.Diagnostics;
using System.Threading;
using CanIds.Core;

namespace CanIds.Firmware.Bench
{
    /// <summary>
    /// The firmware benchmark's entry point on nanoCLR (canids bench, suite firmware). Each case runs between a
    /// "BEGIN name" and an "END name result" line, each followed by a short sleep during which the host reads the
    /// process's CPU time (nanoCLR idles while it sleeps), so one process measures every case.
    /// </summary>
    public static class BenchProgram
    {
        /// <summary>Frames per firmware case.</summary>
        public const int Frames = 40000;

        /// <summary>Bytes the CRC cases check (400 calls of 992 bytes).</summary>
        public const int CrcBytes = 400 * 992;

        /// <summary>Frames of a logged run whose transfers the fake FPGA replays alone (<see cref="Frames"/> in all).</summary>
        public const int LoggedFrames = 4000;

        /// <summary>Frames per main-loop round in the batched case: a busy bus, the largest PUSH the firmware makes.</summary>
        public const int PerRound = 12;

        private const int PauseMs = 150;

        /// <summary>Runs every case.</summary>
        public static void Main()
        {
            Case("idle", 0);
            byte[] buffer = new byte[1000];
            for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)(i * 7 + 3);

            Begin("crc-bytewise");
            int crc = 0;
            for (int r = 0; r < 400; r++) crc += BytewiseCrc16.Compute(buffer, r & 7, buffer.Length - 8);
            End("crc-bytewise", crc);

            Begin("crc-sliced");
            crc = 0;
            for (int r = 0; r < 400; r++) crc += Crc16Ccitt.Compute(buffer, r & 7, buffer.Length - 8);
            End("crc-sliced", crc);

            FirmwareWorkload batched = new FirmwareWorkload();
            batched.Run(2000, PerRound); // warm-up: static constructors, first reports
            Begin("batched");
            End("batched", batched.Run(Frames, PerRound));

            FirmwareWorkload single = new FirmwareWorkload();
            single.Run(2000, 1);
            Begin("single");
            End("single", single.Run(Frames, 1));
            // The fake FPGA is hardware on the device: its share of the cases above, measured alone, is taken out.
            TransferLog batchedLog = FirmwareWorkload.LogRun(LoggedFrames, PerRound);
            TransferLog singleLog = FirmwareWorkload.LogRun(LoggedFrames, 1);
            Begin("fpga-batched");
            End("fpga-batched", batchedLog.Replay(Frames / LoggedFrames));
            Begin("fpga-single");
            End("fpga-single", singleLog.Replay(Frames / LoggedFrames));
            Debug.WriteLine("BENCH DONE attacks=" + single.App.Verdicts.Attacks + "/" + single.App.Verdicts.Judged);
        }

        private static void Case(string name, int result)
        {
            Begin(name);
            End(name, result);
        }

        private static void Begin(string name)
        {
            Debug.WriteLine("BEGIN " + name);
            Thread.Sleep(PauseMs);
        }

        private static void End(string name, int result)
        {
            Debug.WriteLine("END " + name + " " + result);
            Thread.Sleep(PauseMs);
        }
    }
}
