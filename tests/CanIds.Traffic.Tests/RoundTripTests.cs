using System.IO;
using System.Linq;
using CanIds.TestSupport;
using CanIds.Traffic.Formats;
using CsCheck;
using Xunit;

namespace CanIds.Traffic.Tests
{
    /// <summary>Every format gives back exactly the frames (and labels) written to it, on random frames.</summary>
    public class RoundTripTests
    {
        [Theory]
        [InlineData(LogFormat.CarHackingCsv)]
        [InlineData(LogFormat.CarHackingText)]
        [InlineData(LogFormat.DecimalCsv)]
        [InlineData(LogFormat.Candump)]
        [InlineData(LogFormat.VectorAsc)]
        public void WriteThenReadGivesTheSameFramesAndLabels(LogFormat format)
        {
            var dir = TestPaths.NewScratch();
            Records.For(format).Sample(records =>
            {
                var back = Records.RoundTrip(format, records, dir, System.Guid.NewGuid().ToString("N"));
                Records.AssertSame(records, back);
            }, iter: 150);
        }

        [Theory]
        [InlineData(LogFormat.CarHackingCsv)]
        [InlineData(LogFormat.CarHackingText)]
        [InlineData(LogFormat.DecimalCsv)]
        [InlineData(LogFormat.Candump)]
        [InlineData(LogFormat.VectorAsc)]
        public void EveryFormatIsDetectedFromItsContent(LogFormat format)
        {
            var dir = TestPaths.NewScratch();
            var records = Records.For(format).Single();
            Records.RoundTrip(format, records, dir, "no-extension");
            Assert.Equal(format, LogFormats.Detect(Path.Combine(dir, "no-extension")));
        }

        [Fact]
        public void UnlabelledFramesWriteNoLabelFileAndRemoveAStaleOne()
        {
            var dir = TestPaths.NewScratch();
            var path = Path.Combine(dir, "log");
            Records.RoundTrip(LogFormat.Candump, Records.For(LogFormat.Candump, labelled: true).Single(), dir);
            Assert.True(File.Exists(LabelFile.PathFor(path)));
            var unlabelled = Records.For(LogFormat.Candump, labelled: false).Single();
            var back = Records.RoundTrip(LogFormat.Candump, unlabelled, dir);
            Assert.False(File.Exists(LabelFile.PathFor(path)));
            Assert.All(back, r => Assert.Null(r.Label));
        }

        [Fact]
        public void CarHackingFlagsCarryBinaryLabelsWithoutALabelFile()
        {
            var dir = TestPaths.NewScratch();
            var records = Records.For(LogFormat.CarHackingCsv).Single();
            Records.RoundTrip(LogFormat.CarHackingCsv, records, dir, "RPM_dataset.csv");
            var back = Records.ReadAll(Path.Combine(dir, "RPM_dataset.csv"), options: new ReadOptions { UseLabelFile = false });
            Assert.Equal(records.Select(r => r.Label == TrafficClasses.Benign ? TrafficClasses.Benign : TrafficClasses.RpmSpoof), back.Select(r => r.Label));
        }

        [Fact]
        public void AFailedWriteLeavesTheExistingFileUntouched()
        {
            var dir = TestPaths.NewScratch();
            var path = Path.Combine(dir, "log");
            File.WriteAllText(path, "precious\n");
            using (var writer = LogFormats.Create(path, LogFormat.CarHackingCsv))
            {
                var remote = new CanRecord { Id = 0x123, Flags = CanRecordFlags.Remote, TimestampUs = 1 };
                var error = Assert.Throws<System.NotSupportedException>(() => writer.Write(remote));
                Assert.Contains("frame 1", error.Message);
                Assert.Contains("remote", error.Message);
            }

            Assert.Equal("precious\n", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(dir));
        }
    }
}
