// Imported first by main.tsx: the launch token is taken out of the address before the router reads it.
import { takeLaunchToken } from './client';

takeLaunchToken();
