using CascadeGuard.Sample;

return SampleHost.Run(Console.Out, args);
