using System.Linq;
using CanIds.Cli.Cli;
using CanIds.Cli.Replay;
using CanIds.Core;
using CanIds.Hil.Replay;
using CanIds.Model.Evaluation;
using CanIds.Model.Inference;
using CanIds.Traffic;
using CanIds.Traffic.Generation;
using CanIds.Traffic.Windows;
using Xunit;

namespace CanIds.Cli.Tests
{
    /// <summary>The demo's replay on every core: a log cut into parts, each replayed by its own firmware and simulated FPGA.</summary>
    public class ReplaySessionsTests
    {
        [Fact]
        public void ALogCutIntoPartsIsReplayedSideBySideAndDiffersFromOneSessionOnlyWhereAPartsWindowBeginsEmpty()
        {
            var model = Models.Load(Models.BuiltIn);
            var records = TrafficGenerator.Generate(new GeneratorOptions { DurationSeconds = 1.2, Seed = 17 }).ToList();
            Assert.True(records.Count >= 2000, $"{records.Count} frames: too few for two parts");

            var result = ReplayRunner.Run(model, records, new ReplaySettings { Target = ReplayTarget.Rtl, Pace = ReplayPace.Recorded, Sessions = 2 });

            Assert.Equal(2, result.Parts);
            Assert.Equal(0, result.Mismatches);
            Assert.Equal(records.Count, result.Outcome.Judged);
            Assert.Equal(records.Count, result.Outcome.MeasuredLatencies.Length);
            Assert.Equal(0, result.Outcome.Overruns);

            // Against the whole log's windows, only the second part's first N − 1 frames may differ: their windows began empty.
            int second = records.Count / 2;
            var whole = Evaluation.Run(model, WindowSet.FromRecordsDiscoveringClasses(records, model.WindowFrames)).Predictions;
            for (int i = 0; i < records.Count; i++)
            {
                if (i >= second && i < second + model.WindowFrames - 1) continue;
                Assert.Equal(whole[i], result.Outcome.Classes[i]);
            }

            // ... and there they are the model's verdicts on the windows the second session built from its first frames.
            var window = new FrameWindow(model.WindowFrames);
            var frame = new CanFrame();
            var input = new byte[window.InputLength];
            for (int i = second; i < second + model.WindowFrames - 1; i++)
            {
                records[i].CopyTo(frame);
                window.Push(frame);
                window.CopyTo(input, 0);
                Assert.Equal(ModelRunner.Judge(model, input)[0], result.Outcome.Classes[i]);
            }

            // The latencies of the second part count from its own frames' arrivals on the log's clock.
            Assert.All(result.Outcome.MeasuredLatencies, l => Assert.True(l > 0 && l < 10_000, $"latency {l} µs"));
        }
    }
}
