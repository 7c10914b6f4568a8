import { mount } from '../shared/mount';
import { RequestAction } from './RequestAction';

mount(<RequestAction />);
