using System;
using System.IO;
using CanIds.Traffic.Files;

namespace CanIds.Traffic.Formats
{
    /// <summary>
    /// Writes frames to a log file, and their labels to its label file. Nothing at the destination changes until
    /// <see cref="Complete"/>: the log is written beside it and moved into place, so a failed conversion leaves what
    /// was there before. Disposing without <see cref="Complete"/> discards the output.
    /// </summary>
    public abstract class CanLogWriter : IDisposable
    {
        private readonly OutputFile _file;
        private OutputFile? _labelFile;
        private readonly AsciiWriter _out;
        private AsciiWriter? _labels;
        private bool? _labelled;
        private bool _finished;

        /// <summary>Writes to <paramref name="path"/> (created or replaced on <see cref="Complete"/>).</summary>
        protected CanLogWriter(string path, WriteOptions options)
        {
            Path = path;
            Options = options;
            _file = OutputFile.Create(path);
            _out = new AsciiWriter(_file.Stream);
        }

        /// <summary>The destination.</summary>
        public string Path { get; }

        /// <summary>The format written.</summary>
        public abstract LogFormat Format { get; }

        /// <summary>Frames written so far.</summary>
        public long Count { get; private set; }

        /// <summary>Options in force.</summary>
        protected WriteOptions Options { get; }

        /// <summary>Appends one frame.</summary>
        /// <exception cref="NotSupportedException">The format cannot hold this frame (the message says why).</exception>
        /// <exception cref="InvalidOperationException">Some frames have labels and others do not.</exception>
        public void Write(in CanRecord record)
        {
            if (_finished) throw new InvalidOperationException("the writer is complete");
            bool labelled = record.Label != null;
            if (_labelled == null)
            {
                _labelled = labelled;
                WriteHeader(_out, record);
                if (labelled)
                {
                    _labelFile = OutputFile.Create(LabelFile.PathFor(_file.Target)); // beside the file written, links followed
                    _labels = new AsciiWriter(_labelFile.Stream);
                    _labels.Text(LabelFile.Header);
                    _labels.NewLine();
                }
            }
            else if (_labelled != labelled)
            {
                throw new InvalidOperationException($"frame {Count + 1:N0} {(labelled ? "has a label but earlier frames have none" : "has no label but earlier frames have")}: a log is labelled throughout or not at all");
            }

            try
            {
                if (record.Len8Dlc != 0 && !KeepsLen8Dlc) throw Unsupported($"its DLC is {record.Len8Dlc} (9..15 with 8 bytes, ISO 11898-1), and {LogFormats.Name(Format)} logs hold DLC 0..8 only");
                WriteRecord(_out, record);
            }
            catch (NotSupportedException e)
            {
                throw new NotSupportedException($"{Path}: frame {Count + 1:N0} (ID 0x{record.Id:X}): {e.Message}", e);
            }

            if (_labels != null)
            {
                _labels.Text(record.Label!);
                _labels.NewLine();
            }

            Count++;
        }

        /// <summary>Finishes the log and moves it (and its label file, or the removal of a stale one) into place.</summary>
        public void Complete()
        {
            if (_finished) return;
            if (_labelled == null) WriteHeader(_out, default);
            WriteFooter(_out);
            _finished = true;
            try
            {
                _out.Flush();
                Finish(_file.Stream);
                _labels?.Flush();
                var labelPath = LabelFile.PathFor(_file.Target);
                if (_labelFile == null) CommandInputs.Refuse(labelPath); // the stale label file goes: unless it is an input
                _file.Commit();
                if (_labelFile != null) _labelFile.Commit();
                else File.Delete(labelPath); // a stale label file would mislabel this log
            }
            catch
            {
                _file.Dispose();
                _labelFile?.Dispose();
                throw;
            }
        }

        /// <summary>Writes what precedes the first frame; <paramref name="first"/> is default for an empty log.</summary>
        private protected virtual void WriteHeader(AsciiWriter output, in CanRecord first)
        {
        }

        /// <summary>Writes one frame as one line.</summary>
        private protected abstract void WriteRecord(AsciiWriter output, in CanRecord record);

        /// <summary>Writes what follows the last frame.</summary>
        private protected virtual void WriteFooter(AsciiWriter output)
        {
        }

        /// <summary>True when the format keeps a classic frame's DLC 9..15 (<see cref="CanRecord.Len8Dlc"/>).</summary>
        private protected virtual bool KeepsLen8Dlc => false;

        /// <summary>After the footer is flushed, before the file is put in place (e.g. to fill in a binary header).</summary>
        private protected virtual void Finish(FileStream stream)
        {
        }

        /// <summary>Refuses a frame the format cannot hold.</summary>
        private protected static Exception Unsupported(string why) => new NotSupportedException(why);

        /// <summary>Refuses a frame without a timestamp when the format needs one.</summary>
        private protected void RequireTimestamp(in CanRecord record)
        {
            if (!record.HasTimestamp) throw Unsupported($"no timestamp, and {LogFormats.Name(Format)} logs need one (give the source timestamps, e.g. `canids convert --period`)");
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (!_finished)
            {
                _file.Dispose(); // discards the output: the destination keeps what it had
                _labelFile?.Dispose();
                _finished = true;
            }

            GC.SuppressFinalize(this);
        }
    }
}
