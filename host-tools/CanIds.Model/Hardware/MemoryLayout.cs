using System;
using System.Collections.Generic;
using CanIds.Model.Integer;

namespace CanIds.Model.Hardware
{
    /// <summary>One memory of one MVAU, filled with a model: <see cref="Depth"/> words of <see cref="WordBits"/> bits.</summary>
    /// <param name="Name">"l{layer}_weights" or "l{layer}_thresholds".</param>
    /// <param name="WordBits">Bits per word.</param>
    /// <param name="Words">Each word's bytes, little-endian (bit j of the word is bit j % 8 of byte j / 8), zero-padded.</param>
    public sealed record MemoryContents(string Name, int WordBits, byte[][] Words)
    {
        /// <summary>Words.</summary>
        public int Depth => Words.Length;
    }

    /// <summary>
    /// How a model's integers are packed into the accelerator's memories; the weight image payload and the RTL's
    /// memory init files are both made here, so they cannot disagree.
    /// </summary>
    /// <remarks>
    /// Weight memory of layer l: word <c>nf · SF + sf</c> holds, in lane <c>pe · SIMD + s</c> (bits
    /// <c>[lane · WB, (lane + 1) · WB)</c>), the weight of neuron <c>nf · PE + pe</c> and input <c>sf · SIMD + s</c>,
    /// two's complement (1-bit weights: 1 is +1, 0 is −1). Threshold memory: word <c>nf</c> holds, in lane
    /// <c>pe · T + k</c>, threshold k of neuron <c>nf · PE + pe</c> in <see cref="LayerHardware.AccumulatorBits"/>-bit
    /// two's complement. The payload is every layer's weight words then threshold words, in this order, then one byte:
    /// the model's class count (the "classes" memory), which limits the FPGA's argmax.
    /// A model smaller than its family is padded: hardware neurons past the model's have zero weights and thresholds
    /// above any accumulator (they output 0), hardware inputs past the model's have zero weights, and a shorter window
    /// sits at the newest end of the hardware's (its older frames weigh nothing). The padded hardware computes exactly
    /// the model's classes and accumulators.
    /// </remarks>
    public static class MemoryLayout
    {
        /// <summary>The memories of <paramref name="model"/> in <paramref name="hardware"/>, in payload order.</summary>
        public static IReadOnlyList<MemoryContents> Memories(IntegerModel model, HardwareConfig hardware)
        {
            Check(model, hardware);
            var result = new List<MemoryContents>();
            for (int l = 0; l < model.Layers.Count; l++)
            {
                var layer = model.Layers[l];
                var hw = hardware.Layers[l];
                // Hardware input i is model input i - offset: the model's window ends where the hardware's does.
                int offset = hw.Inputs - layer.Inputs;
                if (l > 0) offset = 0;
                int Weight(int neuron, int input)
                {
                    int i = input - offset;
                    return neuron < layer.Outputs && i >= 0 && i < layer.Inputs ? layer.Weight(neuron, i) : 0;
                }

                var weights = new byte[hw.WeightDepth][];
                for (int nf = 0; nf < hw.NeuronFold; nf++)
                {
                    for (int sf = 0; sf < hw.SynapseFold; sf++)
                    {
                        var word = new byte[hw.WeightWordBytes];
                        for (int pe = 0; pe < hw.Pe; pe++)
                        {
                            for (int s = 0; s < hw.Simd; s++)
                            {
                                int w = Weight(nf * hw.Pe + pe, sf * hw.Simd + s);
                                int code = hw.WeightBits == 1 ? (w > 0 ? 1 : 0) : w;
                                PutBits(word, (pe * hw.Simd + s) * hw.WeightBits, hw.WeightBits, code);
                            }
                        }

                        weights[nf * hw.SynapseFold + sf] = word;
                    }
                }

                result.Add(new MemoryContents($"l{l}_weights", hw.WeightWordBits, weights));
                if (layer.IsOutput) continue;

                int t = hw.ThresholdsPerNeuron;
                int never = hw.AccumulatorBound + 1; // above any accumulator: a padding neuron outputs 0
                var thresholds = new byte[hw.ThresholdDepth][];
                for (int nf = 0; nf < hw.NeuronFold; nf++)
                {
                    var word = new byte[hw.ThresholdWordBytes];
                    for (int pe = 0; pe < hw.Pe; pe++)
                    {
                        for (int k = 0; k < t; k++)
                        {
                            int neuron = nf * hw.Pe + pe;
                            PutBits(word, (pe * t + k) * hw.AccumulatorBits, hw.AccumulatorBits, neuron < layer.Outputs ? layer.Thresholds[neuron * t + k] : never);
                        }
                    }

                    thresholds[nf] = word;
                }

                result.Add(new MemoryContents($"l{l}_thresholds", hw.ThresholdWordBits, thresholds));
            }

            result.Add(new MemoryContents(ClassesMemory, 8, [[(byte)model.Classes.Count]]));
            return result;
        }

        /// <summary>The last memory of every payload: one byte, the model's class count.</summary>
        public const string ClassesMemory = "classes";

        /// <summary>The weight image payload: every memory's words, in order.</summary>
        public static byte[] Payload(IntegerModel model, HardwareConfig hardware)
        {
            var payload = new byte[hardware.ImagePayloadBytes];
            int p = 0;
            foreach (var memory in Memories(model, hardware))
            {
                foreach (var word in memory.Words)
                {
                    word.CopyTo(payload, p);
                    p += word.Length;
                }
            }

            return payload;
        }

        /// <summary>The model id the firmware and the FPGA report for <paramref name="model"/> on <paramref name="hardware"/>: the CRC-32 of its payload.</summary>
        public static uint ModelId(IntegerModel model, HardwareConfig hardware)
        {
            var payload = Payload(model, hardware);
            return CanIds.Core.Crc32.Compute(payload, 0, payload.Length);
        }

        /// <summary>Throws when <paramref name="model"/> does not fit <paramref name="hardware"/>'s family (the message says why).</summary>
        public static void Check(IntegerModel model, HardwareConfig hardware)
        {
            if (hardware.Misfit(model) is { } why) throw new ArgumentException($"the model does not fit this hardware family: {why}");
        }

        /// <summary>Writes the low <paramref name="bits"/> bits of <paramref name="value"/> (two's complement) at bit <paramref name="at"/>.</summary>
        internal static void PutBits(byte[] word, int at, int bits, int value)
        {
            for (int b = 0; b < bits; b++)
            {
                if (((value >> b) & 1) != 0) word[(at + b) >> 3] |= (byte)(1 << ((at + b) & 7));
            }
        }
    }
}
