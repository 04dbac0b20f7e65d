using CanIds.Firmware.Config;
using nanoFramework.TestFramework;

namespace CanIds.Firmware.Tests
{
    /// <summary>bxCAN bit timing: exact rates, a sample point near 87.5 %, register fields as nanoFramework wants them.</summary>
    [TestClass]
    public class CanBitTimingTests
    {
        [TestMethod]
        [DataRow(42000000, 125000)]
        [DataRow(42000000, 250000)]
        [DataRow(42000000, 500000)]
        [DataRow(42000000, 1000000)]
        [DataRow(54000000, 500000)]
        [DataRow(45000000, 1000000)]
        [DataRow(36000000, 250000)]
        public void GivesTheExactBitRateWithASamplePointNear875(int clock, int bitRate)
        {
            CanBitTiming t = CanBitTiming.For(clock, bitRate);
            Assert.AreEqual(clock, t.Prescaler * t.QuantaPerBit * bitRate);
            Assert.IsTrue(t.SamplePointPerMille >= 800 && t.SamplePointPerMille <= 900, "sample point " + t.SamplePointPerMille);
            Assert.IsTrue(t.Segment1 >= 1 && t.Segment1 <= 16 && t.Segment2 >= 1 && t.Segment2 <= 8);
            Assert.AreEqual((byte)(t.Prescaler - 1), t.PrescalerField);
            Assert.AreEqual((byte)0, t.JumpField);
        }

        [TestMethod]
        public void TheOfficialSamplesSettingsAre500kbitOn42MHz()
        {
            // CanSettings(6, 8, 1, 0): BRP 7, TS1 9, TS2 2 → 42 MHz / 7 / 12 = 500 kbit/s.
            Assert.AreEqual(500000, 42000000 / (6 + 1) / (1 + (8 + 1) + (1 + 1)));
            CanBitTiming t = CanBitTiming.For(42000000, 500000);
            Assert.AreEqual(500000, 42000000 / t.Prescaler / t.QuantaPerBit);
        }

        [TestMethod]
        public void RefusesARateTheClockCannotMakeExactly()
        {
            Assert.ThrowsException(typeof(System.ArgumentException), () => CanBitTiming.For(42000000, 333333));
        }
    
        // Register fields (BRP − 1, TS1 − 1, TS2 − 1) worked out by hand from each board's clock, not by the code's formula:
        // clock / (BRP × (1 + TS1 + TS2)) = bit rate, TS1 ≤ 16, TS2 ≤ 8, sample point (1 + TS1) / quanta nearest 87.5 %.
        [TestMethod]
        [DataRow(CanBoards.NucleoF746ZG, 1000000, 2, 14, 1)]      // 54 MHz / 3 / 18 tq, sample 88.9 %
        [DataRow(CanBoards.NucleoF746ZG, 500000, 5, 14, 1)]       // 54 MHz / 6 / 18 tq, sample 88.9 %
        [DataRow(CanBoards.NucleoF746ZG, 250000, 26, 5, 0)]       // 54 MHz / 27 / 8 tq, sample 87.5 %
        [DataRow(CanBoards.NucleoF746ZG, 125000, 26, 12, 1)]      // 54 MHz / 27 / 16 tq, sample 87.5 %
        [DataRow(CanBoards.DiscoveryF429ZI, 1000000, 0, 15, 3)]   // 21 MHz / 1 / 21 tq, sample 81.0 % (TS1 cannot exceed 16)
        [DataRow(CanBoards.DiscoveryF429ZI, 500000, 2, 10, 1)]    // 21 MHz / 3 / 14 tq, sample 85.7 %
        [DataRow(CanBoards.DiscoveryF429ZI, 250000, 5, 10, 1)]    // 21 MHz / 6 / 14 tq, sample 85.7 %
        [DataRow(CanBoards.DiscoveryF429ZI, 125000, 20, 5, 0)]    // 21 MHz / 21 / 8 tq, sample 87.5 %
        public void EachSupportedBoardGetsTheRegisterValuesWorkedOutByHand(string board, int bitRate, int brp, int ts1, int ts2)
        {
            CanBitTiming t = CanBitTiming.For(CanBoards.CanClockHz(board), bitRate);
            Assert.AreEqual((byte)brp, t.PrescalerField, board + " BRP");
            Assert.AreEqual((byte)ts1, t.Segment1Field, board + " TS1");
            Assert.AreEqual((byte)ts2, t.Segment2Field, board + " TS2");
            Assert.AreEqual((byte)0, t.JumpField);
        }

        [TestMethod]
        public void TheReferenceBoardsCanClockIsItsTargets54MHz()
        {
            // ST_NUCLEO144_F746ZG's mcuconf.h: HSE 8 MHz / PLLM 4 × PLLN 216 / PLLP 2 = 216 MHz, APB1 = HCLK / 4.
            Assert.AreEqual(8000000 / 4 * 216 / 2 / 4, CanBoards.CanClockHz(CanBoards.NucleoF746ZG));
            Assert.AreEqual(CanBoards.NucleoF746ZG, new FirmwareOptions().Board);
            Assert.ThrowsException(typeof(System.ArgumentException), () => CanBoards.CanClockHz("ST_NUCLEO64_F091RC"));
        }
    }
}
