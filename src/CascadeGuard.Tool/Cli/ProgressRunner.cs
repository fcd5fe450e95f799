using CascadeGuard.Simulation.Runs;
using Spectre.Console;

namespace CascadeGuard.Tool.Cli;

/// <summary>Runs simulation work, with a progress bar when the console is a terminal and silently otherwise.</summary>
internal static class ProgressRunner
{
    public static T Run<T>(IAnsiConsole console, string label, Func<SimulationProgress, T> work)
    {
        var progress = new SimulationProgress();
        if (!console.Profile.Capabilities.Interactive)
        {
            return work(progress);
        }

        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(label);
                var running = Task.Run(() => work(progress));
                while (!running.Wait(100))
                {
                    task.Value = progress.TotalSteps > 0 ? 100.0 * progress.CompletedSteps / progress.TotalSteps : 0;
                }

                task.Value = 100;
                result = running.GetAwaiter().GetResult();
            });
        return result;
    }
}
