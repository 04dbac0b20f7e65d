using System.IO;
using CanIds.TestSupport;
using CanIds.Traffic.Formats;
using Xunit;

namespace CanIds.Traffic.Tests
{
    /// <summary>The real ROAD excerpts read with the exact row and attack counts of their README.</summary>
    public class RoadDataTests
    {
        [SkippableTheory]
        [InlineData("Deal_correlated_signal_attack_1_masquerade.csv", 73_211, 2_071)]
        [InlineData("Deal_max_speedometer_attack_2_masquerade.csv", 132_380, 3_122)]
        [InlineData("Deal_reverse_light_off_attack_1_masquerade.csv", 62_286, 663)]
        [InlineData("Deal_reverse_light_on_attack_1_masquerade.csv", 121_366, 1_971)]
        [InlineData("Deal_max_engine_coolant_temp_attack_masquerade.csv", 57_141, 43)]
        public void ReadsEveryRowWithItsLabel(string file, int rows, int attacks)
        {
            Skip.IfNot(Directory.Exists(TestPaths.Road), $"the ROAD excerpts are not here ({TestPaths.Road}): a user's clone without ../shared");
            var path = Path.Combine(TestPaths.Road, file);
            Assert.Equal(LogFormat.DecimalCsv, LogFormats.Detect(path));
            using var reader = LogFormats.Open(path);
            int frames = 0, attacked = 0;
            while (reader.Read(out var record))
            {
                frames++;
                if (record.Label == TrafficClasses.Attack) attacked++;
                else Assert.Equal(TrafficClasses.Benign, record.Label);
                Assert.Equal(8, record.Length);
                Assert.False(record.HasTimestamp);
            }

            Assert.Equal(rows, frames);
            Assert.Equal(attacks, attacked);
            Assert.Equal(0, reader.Summary.Skipped);
            Assert.Equal(0, reader.Summary.OtherLines);
        }
    }
}
