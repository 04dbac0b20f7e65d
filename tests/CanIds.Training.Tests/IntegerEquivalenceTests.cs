using System;
using System.Linq;
using CanIds.Model.Evaluation;
using CanIds.Model.Inference;
using Xunit;

namespace CanIds.Training.Tests
{
    /// <summary>The streamlined integer model is the trained network: same class on every window, attacks included.</summary>
    [Collection("trained")]
    public class IntegerEquivalenceTests(TrainedModelFixture trained)
    {
        [Fact]
        public void IntegerModelClassifiesEveryHeldOutWindowAsTheTrainedNetwork()
        {
            var held = trained.Held;
            Assert.True(held.Count >= 100_000, $"{held.Count} windows");
            var inputs = held.Inputs.AsSpan(0, held.Count * held.InputLength).ToArray();
            var network = NetworkExport.Classify(trained.Result.Network, inputs, held.InputLength);
            var reference = new ReferenceInference(trained.Model);
            int differ = 0;
            for (int i = 0; i < held.Count; i++)
            {
                if (reference.Classify(held.Input(i)) != network[i]) differ++;
            }

            Assert.Equal(0, differ);
            // The comparison is meaningful only if the network answers with several classes, attacks among them.
            var counts = new long[held.Classes.Count];
            foreach (var c in network) counts[c]++;
            Assert.True(counts.Count(c => c > 1000) >= 4, string.Join(",", counts));
        }

        [Fact]
        public void TheShortTrainingAlreadyDetectsTheFloodsAndSpoofs()
        {
            var evaluation = Evaluation.Run(trained.Model, trained.Held);
            var m = evaluation.Matrix;
            Assert.True(m.Accuracy > 90, $"accuracy {m.Accuracy:F3} %");
            foreach (var attack in new[] { "DoS", "RPM-spoof" })
            {
                double recall = m.Metrics(m.Classes.ToList().IndexOf(attack)).Recall;
                Assert.True(recall > 99, $"{attack} recall {recall:F3} %");
            }
        }

        [Fact]
        public void ExportedWeightsAreTheQuantisersIntegerCodes()
        {
            var layers = NetworkExport.FloatLayers(trained.Result.Network);
            Assert.Equal(5, layers.Count);
            Assert.All(layers, l => Assert.All(l.Weights, w => Assert.InRange(w, (sbyte)-1, (sbyte)1)));
            Assert.All(layers.Take(4), l => Assert.Equal(l.Outputs, l.WeightScales.Length));
            Assert.Single(layers[4].WeightScales);
            // Ternary weights with a learned step: a real share of zeros and of both signs.
            var all = layers.SelectMany(l => l.Weights).ToArray();
            Assert.InRange(all.Count(w => w == 0) / (double)all.Length, 0.05, 0.95);
            Assert.True(all.Count(w => w > 0) > 1000 && all.Count(w => w < 0) > 1000);
        }
    }
}
