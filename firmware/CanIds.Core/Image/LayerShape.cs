namespace CanIds.Core.Image
{
    /// <summary>One layer of a weight image's model: shape, folding and widths (8 bytes in the header).</summary>
    public sealed class LayerShape
    {
        /// <summary>A layer description.</summary>
        public LayerShape(int inputs, int outputs, int pe, int simd, int weightBits, int activationBits)
        {
            Inputs = inputs;
            Outputs = outputs;
            Pe = pe;
            Simd = simd;
            WeightBits = weightBits;
            ActivationBits = activationBits;
        }

        /// <summary>Inputs (MW).</summary>
        public int Inputs { get; private set; }

        /// <summary>Neurons (MH).</summary>
        public int Outputs { get; private set; }

        /// <summary>Neurons per cycle of the MVAU.</summary>
        public int Pe { get; private set; }

        /// <summary>Inputs per cycle of the MVAU.</summary>
        public int Simd { get; private set; }

        /// <summary>Bits per weight.</summary>
        public int WeightBits { get; private set; }

        /// <summary>Bits per output activation; 0 for the output layer.</summary>
        public int ActivationBits { get; private set; }
    }
}
