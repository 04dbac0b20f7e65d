using System;
using CanIds.Core;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Update
{
    /// <summary>
    /// Weight images in the MCU's flash, safe against power loss at any point: an upload is staged in a file of its
    /// own; committed images live in two slots; which slot is active (and whether the other holds the previous model)
    /// is a small state record written alternately to two files, each with a sequence number and a CRC, so a torn
    /// write leaves the older record in force. The active image survives everything but its own replacement.
    /// </summary>
    public sealed class ImageStore
    {
        private const string Staging = "staging.bin";
        private const string StagingMeta = "staging.meta";
        private const int RecordLength = 14;
        private static readonly string[] Slots = new string[] { "slot0.bin", "slot1.bin" };
        private static readonly string[] Records = new string[] { "state0.bin", "state1.bin" };

        private readonly IFileStorage _files;
        private readonly byte[] _record = new byte[RecordLength];
        private readonly byte[] _copy = new byte[256];
        private uint _sequence;
        private int _recordIndex;

        /// <summary>A store over <paramref name="files"/> holding images of up to <paramref name="capacity"/> bytes.</summary>
        public ImageStore(IFileStorage files, int capacity)
        {
            _files = files;
            Capacity = capacity;
            ActiveSlot = -1;
            LoadState();
        }

        /// <summary>Largest image.</summary>
        public int Capacity { get; private set; }

        /// <summary>Slot of the active image, or −1 when none was ever committed.</summary>
        public int ActiveSlot { get; private set; }

        /// <summary>True when the other slot holds the model that was active before.</summary>
        public bool HasPrevious { get; private set; }

        /// <summary>True when an image has been committed.</summary>
        public bool HasActive
        {
            get { return ActiveSlot >= 0; }
        }

        /// <summary>Bytes of the upload received so far.</summary>
        public int StagedLength
        {
            get
            {
                int n = _files.Length(Staging);
                return n < 0 ? 0 : n;
            }
        }

        /// <summary>Length the upload announced (0 when none is staged).</summary>
        public int StagingTarget
        {
            get { return ReadMeta(0); }
        }

        /// <summary>CRC-32 the upload announced.</summary>
        public uint StagingCrc
        {
            get { return (uint)ReadMeta(4); }
        }

        /// <summary>True when an upload of this length and CRC is staged (so it can resume).</summary>
        public bool StagingMatches(int length, uint crc)
        {
            return _files.Length(StagingMeta) == 8 && StagingTarget == length && StagingCrc == crc;
        }

        /// <summary>Starts staging an upload of <paramref name="length"/> bytes whose CRC-32 is <paramref name="crc"/>.</summary>
        public void StartStaging(int length, uint crc)
        {
            _files.Delete(Staging);
            byte[] meta = new byte[8];
            BigEndian.PutU32(meta, 0, (uint)length);
            BigEndian.PutU32(meta, 4, crc);
            _files.Write(StagingMeta, 0, meta, 0, 8);
        }

        /// <summary>Appends bytes to the staged upload.</summary>
        public void AppendStaging(byte[] data, int offset, int count)
        {
            _files.Write(Staging, StagedLength, data, offset, count);
        }

        /// <summary>Reads staged bytes.</summary>
        public int ReadStaging(int position, byte[] buffer, int offset, int count)
        {
            return _files.Read(Staging, position, buffer, offset, count);
        }

        /// <summary>Forgets the staged upload.</summary>
        public void DiscardStaging()
        {
            _files.Delete(Staging);
            _files.Delete(StagingMeta);
        }

        /// <summary>Copies the active image into <paramref name="buffer"/>; returns its length (0 when there is none).</summary>
        public int ReadActive(byte[] buffer)
        {
            return ActiveSlot < 0 ? 0 : ReadSlot(ActiveSlot, buffer);
        }

        /// <summary>Copies the previous image into <paramref name="buffer"/>; returns its length (0 when there is none).</summary>
        public int ReadPrevious(byte[] buffer)
        {
            return HasPrevious ? ReadSlot(1 - ActiveSlot, buffer) : 0;
        }

        /// <summary>
        /// Makes the staged upload the active image: copied into the free slot first, then the state record switches
        /// to it (the previous image stays in the other slot for a rollback), then the staging is removed.
        /// </summary>
        public void PromoteStaging()
        {
            int target = ActiveSlot < 0 ? 0 : 1 - ActiveSlot;
            int length = StagedLength;
            _files.Delete(Slots[target]);
            for (int at = 0; at < length; at += _copy.Length)
            {
                int n = _files.Read(Staging, at, _copy, 0, length - at < _copy.Length ? length - at : _copy.Length);
                _files.Write(Slots[target], at, _copy, 0, n);
            }

            bool hadActive = ActiveSlot >= 0;
            WriteState(target, hadActive);
            DiscardStaging();
        }

        /// <summary>Makes the previous image active again (and the current one the previous).</summary>
        /// <exception cref="InvalidOperationException">There is no previous image.</exception>
        public void Rollback()
        {
            if (!HasPrevious) throw new InvalidOperationException("no previous image");
            WriteState(1 - ActiveSlot, true);
        }

        private int ReadSlot(int slot, byte[] buffer)
        {
            int length = _files.Length(Slots[slot]);
            if (length <= 0 || length > buffer.Length) return 0;
            return _files.Read(Slots[slot], 0, buffer, 0, length);
        }

        // Record: "CIST", sequence (4), active slot (1), previous valid (1), CRC-32 of the first 10 bytes (4).
        private void WriteState(int active, bool previous)
        {
            _sequence++;
            _record[0] = (byte)'C';
            _record[1] = (byte)'I';
            _record[2] = (byte)'S';
            _record[3] = (byte)'T';
            BigEndian.PutU32(_record, 4, _sequence);
            _record[8] = (byte)active;
            _record[9] = previous ? (byte)1 : (byte)0;
            BigEndian.PutU32(_record, 10, Crc32.Compute(_record, 0, 10));
            _recordIndex = 1 - _recordIndex;
            _files.Write(Records[_recordIndex], 0, _record, 0, RecordLength);
            ActiveSlot = active;
            HasPrevious = previous;
        }

        private void LoadState()
        {
            uint best = 0;
            bool found = false;
            for (int r = 0; r < 2; r++)
            {
                if (_files.Read(Records[r], 0, _record, 0, RecordLength) != RecordLength) continue;
                if (_record[0] != 'C' || _record[1] != 'I' || _record[2] != 'S' || _record[3] != 'T') continue;
                if (BigEndian.GetU32(_record, 10) != Crc32.Compute(_record, 0, 10)) continue;
                uint sequence = BigEndian.GetU32(_record, 4);
                if (found && sequence <= best) continue;
                found = true;
                best = sequence;
                _recordIndex = r;
                ActiveSlot = _record[8] <= 1 ? _record[8] : -1;
                HasPrevious = _record[9] == 1;
            }

            _sequence = best;
        }

        private int ReadMeta(int at)
        {
            byte[] meta = new byte[8];
            if (_files.Read(StagingMeta, 0, meta, 0, 8) != 8) return 0;
            return (int)BigEndian.GetU32(meta, at);
        }
    }
}
