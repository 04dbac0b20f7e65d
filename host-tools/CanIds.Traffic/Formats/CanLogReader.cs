using System;
using System.Collections.Generic;
using System.IO;

namespace CanIds.Traffic.Formats
{
    /// <summary>
    /// Streams the frames of one log file, in constant memory whatever its size. Subclasses parse one item (a line of a
    /// text log, an object of a binary one); this class turns field errors into <see cref="CanLogFormatException"/>
    /// (file, line or byte, field) or, with <see cref="ReadOptions.SkipMalformed"/>, counts them, and applies the label
    /// side file.
    /// </summary>
    public abstract class CanLogReader : IDisposable
    {
        private readonly LabelFileReader? _labels;

        /// <summary>Reads the log at <paramref name="path"/> (for errors and its label file).</summary>
        private protected CanLogReader(string path, ReadOptions options)
        {
            Path = path;
            Options = options;
            var labelPath = LabelFile.PathFor(path);
            if (options.UseLabelFile && File.Exists(labelPath)) _labels = new LabelFileReader(labelPath);
        }

        /// <summary>What one step of a reader found.</summary>
        internal enum Item
        {
            /// <summary>The end of the log.</summary>
            End,
            /// <summary>A frame, in the record.</summary>
            Frame,
            /// <summary>Something that is not a frame by the format's rules (header, comment, event).</summary>
            Other,
            /// <summary>An error frame: a bus event, counted, not returned.</summary>
            ErrorFrame,
        }

        /// <summary>The log's path, as errors name it.</summary>
        public string Path { get; }

        /// <summary>The format this reader parses.</summary>
        public abstract LogFormat Format { get; }

        /// <summary>Options in force.</summary>
        protected ReadOptions Options { get; }

        /// <summary>Counts of what was read so far.</summary>
        public ParseSummary Summary { get; } = new();

        /// <summary>Bytes of the log consumed so far.</summary>
        public abstract long BytesRead { get; }

        /// <summary>True when a label file supplies the labels.</summary>
        public bool HasLabelFile => _labels != null;

        /// <summary>The next frame; false at the end of the log.</summary>
        /// <exception cref="CanLogFormatException">A malformed line or object (unless skipping), or a label file that does not match the log.</exception>
        public bool Read(out CanRecord record)
        {
            record = default;
            while (true)
            {
                Item item;
                try
                {
                    record = default;
                    item = ReadItem(ref record);
                }
                catch (FieldException e)
                {
                    var error = Locate(e);
                    if (!Options.SkipMalformed) throw error;
                    Summary.RecordSkip(error);
                    _labels?.Next(); // the bad item was a frame the writer labelled: keep the label file aligned
                    continue;
                }

                switch (item)
                {
                    case Item.End:
                        AtEnd();
                        if (_labels != null && _labels.Next() is { } extra)
                            throw new CanLogFormatException(_labels.Path, _labels.LineNumber, "label", $"the label file has more labels than {Path} has frames ({Summary.Frames:N0}); next is \"{extra}\"");
                        return false;
                    case Item.ErrorFrame:
                        Summary.ErrorFrames++;
                        Summary.OtherLines++;
                        continue;
                    case Item.Other:
                        OnOther();
                        continue;
                }

                if (_labels != null) ApplyLabelFile(ref record);
                Summary.Frames++;
                return true;
            }
        }

        /// <summary>Every remaining frame, streamed.</summary>
        public IEnumerable<CanRecord> ReadAll()
        {
            while (Read(out var record)) yield return record;
        }

        /// <summary>
        /// Reads the next item into <paramref name="record"/> (which arrives zeroed). Throws <see cref="FieldException"/>
        /// for a malformed one.
        /// </summary>
        private protected abstract Item ReadItem(ref CanRecord record);

        /// <summary>The error for a malformed item, naming where it is (line, or byte offset).</summary>
        private protected abstract CanLogFormatException Locate(FieldException error);

        /// <summary>Called for each item that is not a frame.</summary>
        private protected virtual void OnOther() => Summary.OtherLines++;

        /// <summary>Called at the end of the log, before the label file is checked.</summary>
        private protected virtual void AtEnd()
        {
        }

        /// <summary>Fails the current item: <paramref name="field"/> is not what the format allows.</summary>
        private protected static Exception Malformed(string field, string problem) => new FieldException(field, problem);

        private void ApplyLabelFile(ref CanRecord record)
        {
            var label = _labels!.Next()
                ?? throw new CanLogFormatException(_labels.Path, _labels.LineNumber + 1, "label", $"the label file ends before frame {Summary.Frames + 1:N0} of {Path}");
            if (record.Label != null && (record.Label == TrafficClasses.Benign) != (label == TrafficClasses.Benign))
                throw new CanLogFormatException(_labels.Path, _labels.LineNumber, "label", $"\"{label}\" contradicts the log's own label \"{record.Label}\" at frame {Summary.Frames + 1:N0} of {Path}");
            record.Label = label;
        }

        /// <summary>Releases the log (and the label file).</summary>
        protected virtual void Dispose(bool disposing)
        {
            if (disposing) _labels?.Dispose();
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }
    }
}
