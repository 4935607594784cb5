/**
 * What the command asks of the operating system: free ports and who holds a taken one,
 * process trees and their memory.
 */
package workshop.cli.system;
