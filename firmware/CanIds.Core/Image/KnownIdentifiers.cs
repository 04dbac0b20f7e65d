using System;

namespace CanIds.Core.Image
{
    /// <summary>
    /// The identifier rule beside the network: the identifier words (bytes 0–1 of a frame's input record,
    /// docs/input-format.md) of the model's benign training traffic, and the class a frame gets when the network calls
    /// it benign but its word is not among them. A vehicle's bus carries a fixed set of identifiers; a frame on any
    /// other is foreign whatever its payload, which a network that sees only payload patterns cannot learn for words it
    /// never met. Held as a bitmap of all 65,536 words (8 KiB): one lookup per frame.
    /// </summary>
    public sealed class KnownIdentifiers
    {
        /// <summary>Identifier words there are (16 bits).</summary>
        public const int WordCount = 65536;

        /// <summary>The bitmap: word w is known when bit (w &amp; 31) of Bits[w &gt;&gt; 5] is set. A field: the firmware's frame loop reads it once per frame.</summary>
        public readonly int[] Bits = new int[WordCount / 32];

        private int _count;

        /// <summary>An empty table whose foreign frames get class <paramref name="foreignClass"/> (1..254: not benign).</summary>
        public KnownIdentifiers(int foreignClass)
        {
            if (foreignClass < 1 || foreignClass > 254) throw new ArgumentException("the foreign class must be an attack class (1..254)");
            ForeignClass = foreignClass;
        }

        /// <summary>The class of a frame the network calls benign on an unknown identifier.</summary>
        public int ForeignClass { get; private set; }

        /// <summary>Known words.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Adds <paramref name="word"/> (0..65,535) to the known words.</summary>
        public void Add(int word)
        {
            if (word < 0 || word >= WordCount) throw new ArgumentException("an identifier word is 16 bits");
            int bit = 1 << (word & 31);
            if ((Bits[word >> 5] & bit) != 0) return;
            Bits[word >> 5] |= bit;
            _count++;
        }

        /// <summary>True when <paramref name="word"/> is known.</summary>
        public bool Contains(int word)
        {
            return (Bits[word >> 5] & (1 << (word & 31))) != 0;
        }

        /// <summary>The verdict for a frame with identifier word <paramref name="word"/> that the network put in class <paramref name="networkClass"/>.</summary>
        public int Judge(int networkClass, int word)
        {
            return networkClass == 0 && !Contains(word) ? ForeignClass : networkClass;
        }

        /// <summary>The known words, ascending.</summary>
        public int[] Words()
        {
            int[] words = new int[_count];
            int n = 0;
            for (int w = 0; w < WordCount; w++)
            {
                if (Contains(w)) words[n++] = w;
            }

            return words;
        }
    }
}
