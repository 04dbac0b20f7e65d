using System;
using System.Linq;
using CanIds.Model.Hardware;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Model.Tests
{
    /// <summary>The packed memories and payload hold exactly the model's integers at the places the RTL reads them.</summary>
    public class MemoryLayoutTests
    {
        [Theory]
        [InlineData(2, 2, "1x10,1x32,1x8,1x2,1x1")]
        [InlineData(3, 3, "4x4,2x16,2x8,4x4,5x2")]
        [InlineData(1, 1, "2x5,1x64,4x16,2x32,1x32")]
        public void UnpackingTheMemoriesGivesBackEveryWeightAndThreshold(int weightBits, int activationBits, string folding)
        {
            var model = TestModels.Random(31, weightBits: weightBits, activationBits: activationBits);
            var parts = folding.Split(',').Select(p => p.Split('x')).Select(p => new LayerFolding(int.Parse(p[0]), int.Parse(p[1]))).ToArray();
            var hw = HardwareConfig.For(model, parts);
            var memories = MemoryLayout.Memories(model, hw);
            int m = 0;
            for (int l = 0; l < model.Layers.Count; l++)
            {
                var layer = model.Layers[l];
                var h = hw.Layers[l];
                var weights = memories[m++];
                Assert.Equal(h.WeightDepth, weights.Depth);
                for (int n = 0; n < layer.Outputs; n++)
                {
                    for (int i = 0; i < layer.Inputs; i++)
                    {
                        var word = weights.Words[(n / h.Pe) * h.SynapseFold + i / h.Simd];
                        int lane = (n % h.Pe) * h.Simd + i % h.Simd;
                        int code = Bits(word, lane * h.WeightBits, h.WeightBits);
                        int value = h.WeightBits == 1 ? (code == 1 ? 1 : -1) : SignExtend(code, h.WeightBits);
                        Assert.Equal(layer.Weight(n, i), value);
                    }
                }

                if (layer.IsOutput) continue;
                var thresholds = memories[m++];
                int t = layer.ThresholdsPerNeuron;
                for (int n = 0; n < layer.Outputs; n++)
                {
                    for (int k = 0; k < t; k++)
                    {
                        var word = thresholds.Words[n / h.Pe];
                        int v = SignExtend(Bits(word, ((n % h.Pe) * t + k) * h.AccumulatorBits, h.AccumulatorBits), h.AccumulatorBits);
                        Assert.Equal(layer.Thresholds[n * t + k], v);
                    }
                }
            }

            Assert.Equal(m, memories.Count);
            var payload = MemoryLayout.Payload(model, hw);
            Assert.Equal(hw.ImagePayloadBytes, payload.Length);
            Assert.Equal(memories.SelectMany(x => x.Words).SelectMany(w => w).ToArray(), payload);
        }

        [Fact]
        public void RefusesAModelOfAnotherShape()
        {
            var hw = HardwareConfig.For(TestModels.Random(1));
            var other = TestModels.Random(1, hidden: [128, 64, 32, 16]);
            Assert.Throws<ArgumentException>(() => MemoryLayout.Payload(other, hw));
        }

        private static int Bits(byte[] word, int at, int count)
        {
            int v = 0;
            for (int b = 0; b < count; b++) v |= ((word[(at + b) / 8] >> ((at + b) % 8)) & 1) << b;
            return v;
        }

        private static int SignExtend(int v, int bits) => (v & (1 << (bits - 1))) != 0 ? v - (1 << bits) : v;
    }
}
