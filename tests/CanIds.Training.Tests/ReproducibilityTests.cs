using System.IO;
using System.Linq;
using CanIds.Model.Integer;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Training.Tests
{
    /// <summary>Same data, options and seed: the same model; a resumed training continues exactly where it stopped.</summary>
    [Collection("trained")]
    public class ReproducibilityTests
    {
        private static readonly Traffic.Windows.WindowSet Data = TestModels.Traffic(12, seed: 7);
        private static readonly NetworkShape Small = NetworkShape.Uniform([32, 16], 2, 2);

        [Fact]
        public void TheSameSeedGivesTheSameIntegerModel()
        {
            var options = new TrainingOptions { Epochs = 2, Seed = 9, Threads = 1 };
            var a = Integer(Trainer.Train(Small, Data, null, options));
            var b = Integer(Trainer.Train(Small, Data, null, options));
            var c = Integer(Trainer.Train(Small, Data, null, options with { Seed = 10 }));
            Assert.True(Same(a, b));
            Assert.False(Same(a, c));
        }

        [Fact]
        public void TheDefaultIsOneThreadAndTheTimeOfEachPartIsReported()
        {
            Assert.Equal(1, new TrainingOptions().Threads); // one model per seed on any machine (docs/model.md)
            var wall = System.Diagnostics.Stopwatch.StartNew();
            var result = Trainer.Train(Small, Data, null, new TrainingOptions { Epochs = 2, Seed = 9 });
            wall.Stop();
            var t = result.Times;
            foreach (var part in new[] { t.Batches, t.Forward, t.Backward, t.Optimiser, t.Validation, t.Recalibration })
                Assert.True(part > System.TimeSpan.Zero, t.ToString());
            Assert.True(t.Total <= wall.Elapsed, $"parts sum to {t.Total}, the call took {wall.Elapsed}");
            Assert.Contains("backward", t.ToString());
        }

        [Fact]
        public void ResumingFromACheckpointEqualsTrainingStraightThrough()
        {
            var dir = TestPaths.NewScratch();
            var options = new TrainingOptions { Epochs = 4, Seed = 3, Threads = 1, Patience = 10 };
            var straight = Trainer.Train(Small, Data, null, options);

            // Interrupt the same run after its second epoch, then resume it.
            using var cancel = new System.Threading.CancellationTokenSource();
            Assert.ThrowsAny<System.OperationCanceledException>(() => Trainer.Train(Small, Data, null, options with { CheckpointDirectory = dir },
                p => { if (p.Fraction == 1 && p.Last?.Epoch == 2) cancel.Cancel(); }, cancel.Token));
            Assert.True(File.Exists(Path.Combine(dir, "state.json")));
            var resumed = Trainer.Train(Small, Data, null, options with { CheckpointDirectory = dir, Resume = true });

            Assert.Equal(straight.History.Select(h => h.ValidationErrors), resumed.History.Select(h => h.ValidationErrors));
            Assert.Equal(straight.BestEpoch, resumed.BestEpoch);
            Assert.True(Same(Integer(straight), Integer(resumed)));
        }

        [Fact]
        public void ACheckpointOfAnotherNetworkIsRefused()
        {
            var dir = TestPaths.NewScratch();
            Trainer.Train(Small, Data, null, new TrainingOptions { Epochs = 1, Threads = 1, CheckpointDirectory = dir }); // one thread, as every test here: libtorch's pool is per process
            var other = NetworkShape.Uniform([16, 16], 2, 2);
            var e = Assert.Throws<InvalidDataException>(() => Trainer.Train(other, Data, null, new TrainingOptions { Epochs = 2, Threads = 1, CheckpointDirectory = dir, Resume = true }));
            Assert.Contains("another network", e.Message);
        }

        [Theory]
        [InlineData("last.bin", false)]
        [InlineData("optimizer.bin", false)]
        [InlineData("last.bin", true)]
        public void ADamagedOrTruncatedCheckpointFileIsRefusedByName(string file, bool truncate)
        {
            var dir = TestPaths.NewScratch();
            var options = new TrainingOptions { Epochs = 1, Seed = 5, Threads = 1, CheckpointDirectory = dir };
            Trainer.Train(Small, Data, null, options);
            var path = Path.Combine(dir, file);
            var bytes = File.ReadAllBytes(path);
            if (truncate) bytes = bytes[..(bytes.Length / 2)];
            else bytes[bytes.Length / 2] ^= 0x10;
            File.WriteAllBytes(path, bytes);
            var e = Assert.Throws<InvalidDataException>(() => Trainer.Train(Small, Data, null, options with { Epochs = 2, Resume = true }));
            Assert.Contains(path, e.Message);
            Assert.Contains("damaged", e.Message);
        }

        private static IntegerModel Integer(TrainingResult r) => NetworkExport.ToIntegerModel(r.Network, Data.Classes, new ModelProvenance());

        private static bool Same(IntegerModel a, IntegerModel b) =>
            a.Layers.Zip(b.Layers).All(p => p.First.Weights.SequenceEqual(p.Second.Weights) && p.First.Thresholds.SequenceEqual(p.Second.Thresholds));
    }
}
