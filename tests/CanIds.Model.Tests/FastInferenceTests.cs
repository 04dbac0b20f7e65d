using System;
using CanIds.Model.Inference;
using CanIds.Model.Integer;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Model.Tests
{
    /// <summary>The AVX2 path computes the same integers as the reference, window by window.</summary>
    public class FastInferenceTests
    {
        private static readonly Lazy<Traffic.Windows.WindowSet> Windows = new(() => TestModels.Traffic(60, seed: 11, allAttacks: true));

        [Theory]
        [InlineData(1, 2, 2)]
        [InlineData(2, 2, 2)]
        [InlineData(3, 3, 3)]
        [InlineData(4, 3, 2)]
        [InlineData(5, 1, 1)]
        public void AgreesWithTheReferenceOnEveryWindowOfGeneratedTraffic(int seed, int weightBits, int activationBits)
        {
            var model = TestModels.Random(seed, weightBits: weightBits, activationBits: activationBits);
            Assert.True(FastInference.IsSupported(model, out var why), why);
            var windows = Windows.Value;
            Assert.True(windows.Count >= 100_000, $"{windows.Count} windows");
            var reference = new ReferenceInference(model);
            var fast = new FastInference(model);
            Span<int> accs = stackalloc int[model.Classes.Count];
            int varied = 0;
            for (int i = 0; i < windows.Count; i++)
            {
                int expected = reference.Classify(windows.Input(i));
                int actual = fast.ClassifyOne(windows.Input(i), accs);
                Assert.Equal(expected, actual);
                Assert.True(accs.SequenceEqual(reference.Accumulators), $"window {i}: accumulators differ");
                if (expected != 0) varied++;
            }

            Assert.True(varied > 1000, "the random model should not answer one class only");
        }

        [Fact]
        public void BatchClassificationMatchesOneByOne()
        {
            var model = TestModels.Random(7);
            var windows = Windows.Value;
            var batch = new byte[5000];
            new FastInference(model).Classify(windows.Inputs.AsSpan(0, batch.Length * windows.InputLength), batch);
            var reference = new ReferenceInference(model);
            for (int i = 0; i < batch.Length; i++) Assert.Equal(reference.Classify(windows.Input(i)), batch[i]);
        }

        [Fact]
        public void RefusesModelsWhoseRangesExceedSixteenBits()
        {
            // 8-bit weights on 8-bit inputs: 40 × 127 × 255 exceeds int16 lanes.
            var model = TestModels.Random(3, hidden: [16], weightBits: 8, activationBits: 2);
            Assert.False(FastInference.IsSupported(model, out var why));
            Assert.Contains("16-bit", why);
            Assert.Throws<NotSupportedException>(() => new FastInference(model));
        }

        [Fact]
        public void ModelRunnerFallsBackToTheReferenceWhereTheFastPathCannot()
        {
            var model = TestModels.Random(3, hidden: [16], weightBits: 8, activationBits: 2);
            var windows = Windows.Value;
            int n = 2000;
            var classes = ModelRunner.Classify(model, windows.Inputs.AsSpan(0, n * windows.InputLength));
            var reference = new ReferenceInference(model);
            for (int i = 0; i < n; i++) Assert.Equal(reference.Classify(windows.Input(i)), classes[i]);
        }

        [Fact]
        public void TiesGoToTheLowestClass()
        {
            Assert.Equal(1, ReferenceInference.ArgMax([0, 5, 5, 3]));
            Assert.Equal(0, ReferenceInference.ArgMax([-2, -2]));
        }
    }
}
