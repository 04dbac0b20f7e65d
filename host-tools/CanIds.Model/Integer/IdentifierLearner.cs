using System.Collections.Generic;
using System.Linq;
using CanIds.Core.Image;
using CanIds.Traffic.Windows;

namespace CanIds.Model.Integer
{
    /// <summary>Learns a model's identifier rule (<see cref="KnownIdentifiers"/>) from labelled windows.</summary>
    public static class IdentifierLearner
    {
        /// <summary>
        /// The identifier words of the benign windows' newest frames are the known words. The foreign class is the attack
        /// class whose windows use the most distinct words outside them (on Car-Hacking traffic: Fuzzing); null (no rule)
        /// when no attack class uses any, since the model has then no class to name a foreign frame by.
        /// </summary>
        public static KnownIdentifiers? Learn(WindowSet windows)
        {
            var words = WordsByClass(windows);
            var foreign = Enumerable.Range(1, words.Length - 1)
                .Select(c => (Class: c, Words: words[c].Count(w => !words[0].Contains(w))))
                .Where(c => c.Words > 0)
                .OrderByDescending(c => c.Words).ThenBy(c => c.Class)
                .FirstOrDefault();
            return foreign.Class == 0 ? null : Known(words[0], foreign.Class);
        }

        /// <summary>The words of the benign windows' newest frames, known, with <paramref name="foreignClass"/> for the others.</summary>
        public static KnownIdentifiers Learn(WindowSet windows, int foreignClass) => Known(WordsByClass(windows)[0], foreignClass);

        private static KnownIdentifiers Known(IEnumerable<int> benign, int foreignClass)
        {
            var table = new KnownIdentifiers(foreignClass);
            foreach (int w in benign) table.Add(w);
            return table;
        }

        // The distinct identifier words of each class's windows (their newest frames).
        private static HashSet<int>[] WordsByClass(WindowSet windows)
        {
            var words = new HashSet<int>[windows.Classes.Count];
            for (int c = 0; c < words.Length; c++) words[c] = new HashSet<int>();
            for (int i = 0; i < windows.Count; i++) words[windows.Labels[i]].Add(windows.NewestWord(i));

            return words;
        }
    }
}
