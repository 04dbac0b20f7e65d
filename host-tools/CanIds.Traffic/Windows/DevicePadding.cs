using System;
using System.Collections.Generic;

namespace CanIds.Traffic.Windows
{
    /// <summary>
    /// Frames as the device's CAN driver hands them over: nanoFramework's CanMessage carries no DLC and always 8 data
    /// bytes, so the bytes past a short frame's length are whatever the controller's mailbox held (logs and generated
    /// traffic have zeros there). Training on these, and evaluating on both, keeps the model from relying on zeros the
    /// device never guarantees (docs/model.md).
    /// </summary>
    public static class DevicePadding
    {
        /// <summary>
        /// <paramref name="records"/> with every short classic data frame made 8 bytes long, the added bytes random
        /// (seeded by <paramref name="seed"/>); remote and CAN FD frames unchanged.
        /// </summary>
        public static IEnumerable<CanRecord> RandomTails(IEnumerable<CanRecord> records, int seed)
        {
            var random = new Random(seed);
            foreach (var original in records)
            {
                var record = original;
                if (!record.IsRemote && !record.IsFd && record.Length < 8)
                {
                    Span<byte> data = record.Data;
                    random.NextBytes(data[record.Length..8]);
                    record.Length = 8;
                }

                yield return record;
            }
        }
    }
}
