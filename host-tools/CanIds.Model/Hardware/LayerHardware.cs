using System;

namespace CanIds.Model.Hardware
{
    /// <summary>
    /// One MVAU as built: shape, widths, folding, and the two memories the weight image fills. Everything here follows
    /// from the model's shape and the folding, never from the weight values, so any model of the same shape loads into it.
    /// </summary>
    public sealed record LayerHardware
    {
        /// <summary>Inputs (MW).</summary>
        public required int Inputs { get; init; }

        /// <summary>Neurons (MH).</summary>
        public required int Outputs { get; init; }

        /// <summary>Folding.</summary>
        public required LayerFolding Folding { get; init; }

        /// <summary>Bits per weight.</summary>
        public required int WeightBits { get; init; }

        /// <summary>Bits per unsigned input.</summary>
        public required int InputBits { get; init; }

        /// <summary>Bits per output activation (0: the output layer).</summary>
        public required int ActivationBits { get; init; }

        /// <summary>Neurons per cycle.</summary>
        public int Pe => Folding.Pe;

        /// <summary>Inputs per cycle.</summary>
        public int Simd => Folding.Simd;

        /// <summary>Neuron folds: MH / PE.</summary>
        public int NeuronFold => Outputs / Pe;

        /// <summary>Synapse folds: MW / SIMD.</summary>
        public int SynapseFold => Inputs / Simd;

        /// <summary>Cycles per input vector at one word per cycle.</summary>
        public int Cycles => NeuronFold * SynapseFold;

        /// <summary>Thresholds per neuron (2^a − 1).</summary>
        public int ThresholdsPerNeuron => ActivationBits == 0 ? 0 : (1 << ActivationBits) - 1;

        /// <summary>Largest |accumulator| for any weights of this width: MW · max|w| · max x.</summary>
        public int AccumulatorBound => Inputs * Integer.IntegerLayer.MaxWeight(WeightBits) * ((1 << InputBits) - 1);

        /// <summary>Bits of the signed accumulator and of each threshold: enough for [−B, B + 1].</summary>
        public int AccumulatorBits => SignedBits(AccumulatorBound + 1);

        /// <summary>Bits of one weight-memory word: PE · SIMD weights.</summary>
        public int WeightWordBits => Pe * Simd * WeightBits;

        /// <summary>Bytes of one weight-memory word in the image (the word's bits, little-endian, zero-padded).</summary>
        public int WeightWordBytes => (WeightWordBits + 7) / 8;

        /// <summary>Words of one weight-memory bank: NF · SF.</summary>
        public int WeightDepth => Cycles;

        /// <summary>Bits of one threshold-memory word: the thresholds of PE neurons.</summary>
        public int ThresholdWordBits => Pe * ThresholdsPerNeuron * AccumulatorBits;

        /// <summary>Bytes of one threshold-memory word in the image.</summary>
        public int ThresholdWordBytes => (ThresholdWordBits + 7) / 8;

        /// <summary>Words of one threshold-memory bank: NF (none for the output layer).</summary>
        public int ThresholdDepth => ActivationBits == 0 ? 0 : NeuronFold;

        /// <summary>Bytes this layer contributes to the image payload.</summary>
        public int ImageBytes => WeightDepth * WeightWordBytes + ThresholdDepth * ThresholdWordBytes;

        /// <summary>Bits of a two's-complement number holding −v..v.</summary>
        public static int SignedBits(int v)
        {
            int bits = 1;
            while ((1 << (bits - 1)) - 1 < v) bits++;
            return bits;
        }

        internal void Validate(int index)
        {
            if (Pe < 1 || Outputs % Pe != 0) throw new ArgumentException($"layer {index}: PE {Pe} must divide its {Outputs} neurons");
            if (Simd < 1 || Inputs % Simd != 0) throw new ArgumentException($"layer {index}: SIMD {Simd} must divide its {Inputs} inputs");
        }
    }
}
