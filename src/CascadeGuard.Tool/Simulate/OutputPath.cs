using CascadeGuard.Tool.Cli;

namespace CascadeGuard.Tool.Simulate;

/// <summary>Checks output locations before any work, so a bad path fails at once and not after the simulation.</summary>
internal static class OutputPath
{
    public static string? File(string? path, string option)
    {
        if (path is null)
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new UsageException($"option '--{option}': the directory '{directory}' does not exist");
        }

        if (Directory.Exists(full))
        {
            throw new UsageException($"option '--{option}': '{path}' is a directory; give a file name");
        }

        return full;
    }

    public static string? Folder(string? path, string option)
    {
        if (path is null)
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        if (System.IO.File.Exists(full))
        {
            throw new UsageException($"option '--{option}': '{path}' is a file; give a directory");
        }

        var parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent))
        {
            throw new UsageException($"option '--{option}': the directory '{parent}' does not exist");
        }

        return full;
    }
}
