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
        [InlineData(3, 3, "4x4,2x16,2x8,4x4,4x2")]
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

            Assert.Equal(MemoryLayout.ClassesMemory, memories[m].Name);
            Assert.Equal(model.Classes.Count, memories[m++].Words.Single().Single());
            Assert.Equal(m, memories.Count);
            var payload = MemoryLayout.Payload(model, hw);
            Assert.Equal(hw.ImagePayloadBytes, payload.Length);
            Assert.Equal(memories.SelectMany(x => x.Words).SelectMany(w => w).ToArray(), payload);
        }

        [Fact]
        public void ASmallerModelIsPaddedWithNeuronsThatNeverFireAndOlderFramesThatWeighNothing()
        {
            var hw = HardwareConfig.For(TestModels.Random(1)); // the built-in family: 40-256-128-64-32-8
            var model = TestModels.Random(5, windowFrames: 2, hidden: [200, 96, 50, 20], classes: 2);
            Assert.Null(hw.Misfit(model));
            var memories = MemoryLayout.Memories(model, hw);
            int m = 0;
            for (int l = 0; l < hw.Layers.Count; l++)
            {
                var layer = model.Layers[l];
                var h = hw.Layers[l];
                int offset = l == 0 ? h.Inputs - layer.Inputs : 0; // the model's window ends where the hardware's does
                var weights = memories[m++];
                for (int n = 0; n < h.Outputs; n++)
                {
                    for (int i = 0; i < h.Inputs; i++)
                    {
                        var word = weights.Words[(n / h.Pe) * h.SynapseFold + i / h.Simd];
                        int value = SignExtend(Bits(word, ((n % h.Pe) * h.Simd + i % h.Simd) * h.WeightBits, h.WeightBits), h.WeightBits);
                        bool real = n < layer.Outputs && i >= offset && i - offset < layer.Inputs;
                        Assert.Equal(real ? layer.Weight(n, i - offset) : 0, value);
                    }
                }

                if (layer.IsOutput) continue;
                var thresholds = memories[m++];
                int t = layer.ThresholdsPerNeuron;
                for (int n = 0; n < h.Outputs; n++)
                {
                    for (int k = 0; k < t; k++)
                    {
                        int v = SignExtend(Bits(thresholds.Words[n / h.Pe], ((n % h.Pe) * t + k) * h.AccumulatorBits, h.AccumulatorBits), h.AccumulatorBits);
                        Assert.Equal(n < layer.Outputs ? layer.Thresholds[n * t + k] : h.AccumulatorBound + 1, v);
                    }
                }
            }

            Assert.Equal(2, memories[m].Words.Single().Single());
            Assert.Equal(hw.ImagePayloadBytes, MemoryLayout.Payload(model, hw).Length);
        }

        [Fact]
        public void RefusesAModelThatDoesNotFitTheFamily()
        {
            var hw = HardwareConfig.For(TestModels.Random(1));
            var wider = TestModels.Random(1, hidden: [256, 128, 64, 64]);
            Assert.Contains("layer 3", Assert.Throws<ArgumentException>(() => MemoryLayout.Payload(wider, hw)).Message);
            var deeper = TestModels.Random(1, hidden: [256, 128, 64, 32, 16]);
            Assert.Contains("layers", Assert.Throws<ArgumentException>(() => MemoryLayout.Payload(deeper, hw)).Message);
            var wide3Bit = TestModels.Random(1, weightBits: 3, activationBits: 2);
            Assert.Contains("3-bit weights", Assert.Throws<ArgumentException>(() => MemoryLayout.Payload(wide3Bit, hw)).Message);
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
