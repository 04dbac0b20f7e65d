using System;
using System.Diagnostics;
using System.Globalization;

namespace CanIds.Training
{
    /// <summary>
    /// Where training's wall time went, summed over the run: a slow training run shows which part grew. Batches are
    /// timed in four parts (gathering the batch, forward and loss, backward, the optimiser step with the figures read
    /// back); the rest is validation after each epoch, BatchNorm recalibration at the end, and setup.
    /// </summary>
    public sealed class TrainingTimes
    {
        /// <summary>Copying the windows into tensors, the split and class weights.</summary>
        public TimeSpan Setup { get; internal set; }

        /// <summary>Gathering each batch (index_select, conversion to float).</summary>
        public TimeSpan Batches { get; internal set; }

        /// <summary>Forward pass and loss.</summary>
        public TimeSpan Forward { get; internal set; }

        /// <summary>Backward pass.</summary>
        public TimeSpan Backward { get; internal set; }

        /// <summary>Adam step and reading the batch's loss and hits back.</summary>
        public TimeSpan Optimiser { get; internal set; }

        /// <summary>Validation after each epoch.</summary>
        public TimeSpan Validation { get; internal set; }

        /// <summary>Recomputing BatchNorm statistics over the training windows at the end.</summary>
        public TimeSpan Recalibration { get; internal set; }

        /// <summary>All of it.</summary>
        public TimeSpan Total => Setup + Batches + Forward + Backward + Optimiser + Validation + Recalibration;

        /// <summary>"setup 2 s, batches 10 s, forward 60 s, ..." for reports.</summary>
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"setup {Setup.TotalSeconds:F0} s, gathering batches {Batches.TotalSeconds:F0} s, forward {Forward.TotalSeconds:F0} s, backward {Backward.TotalSeconds:F0} s, optimiser {Optimiser.TotalSeconds:F0} s, validation {Validation.TotalSeconds:F0} s, BatchNorm recalibration {Recalibration.TotalSeconds:F0} s");

        internal static TimeSpan Since(ref long mark)
        {
            long now = Stopwatch.GetTimestamp();
            var span = Stopwatch.GetElapsedTime(mark, now);
            mark = now;
            return span;
        }
    }
}
