using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace CanIds.Traffic.Files
{
    /// <summary>
    /// The files a command has read (logs, label files, models, keys, checkpoints), by identity: no output of the same
    /// command may replace one of them, under any name or link (<see cref="OutputFile"/> asks). A command line opens a
    /// scope (<see cref="Begin"/>); library use outside one checks nothing.
    /// </summary>
    public static class CommandInputs
    {
        private static readonly AsyncLocal<Dictionary<FileIdentity, string>?> Current = new();

        /// <summary>Starts recording the inputs of one command; disposing ends it.</summary>
        public static IDisposable Begin()
        {
            var previous = Current.Value;
            Current.Value = new Dictionary<FileIdentity, string>();
            return new Scope(previous);
        }

        /// <summary>Records <paramref name="path"/> as an input of the running command.</summary>
        public static void Add(string path)
        {
            var inputs = Current.Value;
            if (inputs == null || FileIdentity.Of(path) is not { } id || id.Kind != FileKind.Regular) return;
            lock (inputs) inputs.TryAdd(id, path);
        }

        /// <summary>
        /// Throws when <paramref name="output"/> is the same file as a recorded input or one of <paramref name="inputs"/>
        /// (those not yet read): the message names both.
        /// </summary>
        /// <exception cref="ArgumentException">The output would replace an input.</exception>
        public static void Refuse(string output, params string?[] inputs)
        {
            if (FileIdentity.Of(output) is not { } id || id.Kind != FileKind.Regular) return;
            foreach (var input in inputs)
            {
                if (input != null && FileIdentity.Of(input) == id) throw Clash(output, input);
            }

            var recorded = Current.Value;
            if (recorded == null) return;
            lock (recorded)
            {
                if (recorded.TryGetValue(id, out var name)) throw Clash(output, name);
            }
        }

        private static ArgumentException Clash(string output, string input) =>
            new(output == input || Path.GetFullPath(output) == Path.GetFullPath(input)
                ? $"{output}: this file is an input of the command; writing the output there would destroy it (choose another output)"
                : $"{output}: this is the same file as the input {input}; writing the output there would destroy it (choose another output)");

        private sealed class Scope(Dictionary<FileIdentity, string>? previous) : IDisposable
        {
            public void Dispose() => Current.Value = previous;
        }
    }
}
