using System;
using System.Collections.Generic;

namespace CanIds.Traffic
{
    /// <summary>The class names the product uses; a model carries its own list, these are the common ones.</summary>
    public static class TrafficClasses
    {
        /// <summary>Legitimate traffic.</summary>
        public const string Benign = "Benign";
        /// <summary>Flooding with a dominant ID (Car-Hacking: 0x000 every 0.3 ms).</summary>
        public const string DoS = "DoS";
        /// <summary>Random IDs and payloads (Car-Hacking: every 0.5 ms).</summary>
        public const string Fuzzing = "Fuzzing";
        /// <summary>Spoofed gear frames (Car-Hacking: 0x43F every 1 ms).</summary>
        public const string GearSpoof = "Gear-spoof";
        /// <summary>Spoofed engine-speed frames (Car-Hacking: 0x316 every 1 ms).</summary>
        public const string RpmSpoof = "RPM-spoof";
        /// <summary>Earlier captured frames sent again (never trained on: a generalisation test).</summary>
        public const string Replay = "Replay";
        /// <summary>An ECU's frames replaced by the attacker's at the same rate with one signal changed (never trained on).</summary>
        public const string Masquerade = "Masquerade";
        /// <summary>An attack of unspecified kind (binary-labelled logs such as ROAD).</summary>
        public const string Attack = "Attack";

        /// <summary>The paper's classes plus gear spoofing: the default model's class list.</summary>
        public static IReadOnlyList<string> CarHacking { get; } = [Benign, DoS, Fuzzing, GearSpoof, RpmSpoof];

        private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal);
        private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownBySpan;

        static TrafficClasses()
        {
            foreach (var name in new[] { Benign, DoS, Fuzzing, GearSpoof, RpmSpoof, Replay, Masquerade, Attack }) Known[name] = name;
            KnownBySpan = Known.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        /// <summary>One shared string per class name, so millions of labelled records share a handful of strings.</summary>
        public static string Intern(ReadOnlySpan<char> name)
        {
            lock (Known)
            {
                if (KnownBySpan.TryGetValue(name, out var interned)) return interned;
                var added = name.ToString();
                Known[added] = added;
                return added;
            }
        }
    }
}
