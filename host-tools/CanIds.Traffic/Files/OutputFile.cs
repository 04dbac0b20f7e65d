using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;

namespace CanIds.Traffic.Files
{
    /// <summary>
    /// An output being written. A regular file (or a new one) is written beside its destination and moved into place by
    /// <see cref="Commit"/>, so a failure or an interruption leaves what was there; a symbolic link is written through
    /// to its target; a device or a named pipe is written in place (it cannot be replaced); a directory is refused. An
    /// output that is one of the command's inputs is refused (<see cref="CommandInputs"/>). Temporary files still open
    /// are known to <see cref="DeleteTemporaries"/>, which the command line calls on Ctrl-C and SIGTERM.
    /// </summary>
    public sealed class OutputFile : IDisposable
    {
        private static readonly ConcurrentDictionary<string, byte> Temporaries = new();
        private readonly string? _temp;
        private bool _done;

        private OutputFile(string path, string target, string? temp, FileStream stream)
        {
            Path = path;
            Target = target;
            _temp = temp;
            Stream = stream;
        }

        /// <summary>The destination as given.</summary>
        public string Path { get; }

        /// <summary>The file finally written (links followed).</summary>
        public string Target { get; }

        /// <summary>Where to write.</summary>
        public FileStream Stream { get; }

        /// <summary>Opens <paramref name="path"/> for writing.</summary>
        /// <exception cref="ArgumentException">The path is a directory, or one of the command's inputs.</exception>
        public static OutputFile Create(string path)
        {
            var target = TargetOf(path);
            CommandInputs.Refuse(target);
            var kind = FileIdentity.Of(target)?.Kind;
            if (kind == FileKind.Directory) throw new ArgumentException($"{path}: is a directory; expected a file to write");
            if (kind is FileKind.Device or FileKind.Fifo or FileKind.Other)
                return new OutputFile(path, target, null, new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16));

            var temp = target + $".tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
            Temporaries.TryAdd(temp, 0);
            try
            {
                return new OutputFile(path, target, temp, new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
            }
            catch
            {
                Temporaries.TryRemove(temp, out _);
                throw;
            }
        }

        // The file a path names, symbolic links followed (also to a target that does not exist yet).
        private static string TargetOf(string path)
        {
            var info = new FileInfo(path);
            if (info.LinkTarget == null) return info.FullName;
            try
            {
                return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
            }
            catch (IOException)
            {
                return info.FullName;
            }
        }

        /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="path"/> as one output.</summary>
        public static void WriteAllText(string path, string text) => WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));

        /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> as one output.</summary>
        public static void WriteAllBytes(string path, byte[] bytes)
        {
            using var output = Create(path);
            output.Stream.Write(bytes);
            output.Commit();
        }

        /// <summary>Writes through a temporary file that <paramref name="write"/> fills by name (for libraries that save to a path).</summary>
        public static void WriteVia(string path, Action<string> write)
        {
            using var output = Create(path);
            if (output._temp == null)
            {
                throw new ArgumentException($"{path}: a {FileIdentity.Of(output.Target)?.Kind.ToString().ToLowerInvariant()} cannot take this output; expected a regular file");
            }

            output.Stream.Dispose();
            write(output._temp);
            output.Commit();
        }

        /// <summary>Finishes the output: flushed, and moved into place.</summary>
        public void Commit()
        {
            if (_done) return;
            Stream.Dispose();
            if (_temp != null)
            {
                File.Move(_temp, Target, overwrite: true);
                Temporaries.TryRemove(_temp, out _);
            }

            _done = true;
        }

        /// <summary>Without <see cref="Commit"/>: the temporary file is removed and the destination is left as it was.</summary>
        public void Dispose()
        {
            if (_done) return;
            _done = true;
            try
            {
                Stream.Dispose();
            }
            catch (IOException)
            {
                // The data is being thrown away; a device that refused it (e.g. full) refuses its flush again.
            }

            if (_temp == null) return;
            File.Delete(_temp);
            Temporaries.TryRemove(_temp, out _);
        }

        /// <summary>Removes every temporary file still open (an interrupted process leaves no half file behind).</summary>
        public static void DeleteTemporaries()
        {
            foreach (var temp in Temporaries.Keys)
            {
                try
                {
                    File.Delete(temp);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }

                Temporaries.TryRemove(temp, out _);
            }
        }
    }
}
