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
    }
}
